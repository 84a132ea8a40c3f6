import { z } from '../zod';
import { MAX_PACK_BYTES, packSchema, type Pack } from './schema';

/**
 * Reading a pack from untrusted text: every refusal names the path and the
 * reason, and nothing is installed unless all of it is sound.
 */

export type PackParse = { ok: true; pack: Pack } | { ok: false; errors: string[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A tag, a comment or a script URL: packs carry text, and text stays text. */
const MARKUP = /<\s*[a-zA-Z!/?]|javascript:|on[a-z]+\s*=/i;
const URL_KEYS = new Set(['sourceUrl']);
/**
 * Not text: the signature's key and value are base64 (packSignatureSchema), which
 * holds no markup but can spell "onXy=" before its padding, so about one signed
 * pack in a hundred (27 of 3,000 new keys and signatures) was refused as script.
 */
const BASE64_BRANCH = 'signature';

function walk(value: unknown, path: string[], errors: string[]): void {
  if (path.length === 1 && path[0] === BASE64_BRANCH) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, String(i)], errors));
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push(`${[...path, key].join('.')}: Key "${key}" is not allowed`);
        continue;
      }
      walk((value as Record<string, unknown>)[key], [...path, key], errors);
    }
  } else if (typeof value === 'string' && !URL_KEYS.has(path.at(-1) ?? '') && MARKUP.test(value)) {
    errors.push(`${path.join('.') || '(pack)'}: HTML or script is not allowed in pack text`);
  }
}

export function describeZodIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(pack)'}: ${i.message}`);
}

/** Checks an already-parsed value (e.g. from the pack editor). */
export function validatePack(value: unknown): PackParse {
  const errors: string[] = [];
  walk(value, [], errors);
  if (errors.length) return { ok: false, errors };
  const result = packSchema.safeParse(value);
  return result.success ? { ok: true, pack: result.data } : { ok: false, errors: describeZodIssues(result.error) };
}

export function parsePackText(text: string): PackParse {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_PACK_BYTES)
    return {
      ok: false,
      errors: [
        `(file): The pack is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_PACK_BYTES / 1024 / 1024} MB`,
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`(file): Not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, errors: ['(file): A pack is a JSON object'] };
  return validatePack(value);
}
