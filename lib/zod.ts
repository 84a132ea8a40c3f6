import { z } from 'zod';

/**
 * zod for the extension: import `z` from here, never from 'zod' (lint enforces
 * it), so this runs before any schema is built. Jitless, because extension
 * pages forbid eval: docs/adr/0005-lazy-schema.md.
 */
z.config({ jitless: true });

export { z };

/**
 * A schema built on its first use instead of when its module is evaluated
 * (why: docs/adr/0005-lazy-schema.md). Module-level schemas are declared
 * `lazySchema(() => z.…)`.
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
