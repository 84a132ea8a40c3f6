import { z } from 'zod';

/**
 * zod for the extension: import `z` from here, never from 'zod' (lint enforces
 * it), so this runs before any schema is built.
 *
 * Extension pages and the service worker forbid eval (Manifest V3's content
 * security policy), so zod can never use its compiled fast path there. Left to
 * itself it finds that out when it builds its first object schema, by trying
 * `new Function`: the attempt throws, Chromium reports a CSP violation, and
 * that cost the panel's start 1–2.5 ms. Parsing is the same either way.
 */
z.config({ jitless: true });

export { z };

/**
 * A schema built on its first use instead of when its module is evaluated.
 * Building zod schemas was the largest part of evaluating the panel's code on
 * every page load of the case system, and most of them (packs, backups,
 * templates, records of kinds the first view does not read) are not used then
 * at all. Module-level schemas are declared `lazySchema(() => z.…)`.
 *
 * The result stands in for the schema: every property and method is the built
 * schema's, with methods bound to it, so what zod sees (when this is parsed,
 * extended or put inside another schema) is always the real schema.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get(_target, key) {
      const schema = real();
      const value: unknown = Reflect.get(schema, key, schema);
      return typeof value === 'function' ? value.bind(schema) : value;
    },
    has: (_target, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
