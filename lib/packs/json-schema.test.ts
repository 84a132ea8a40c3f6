import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPack } from './default-pack';
import { packJsonSchema } from './json-schema';

const SCHEMA_FILE = join(__dirname, '../../public/pack.schema.json');
const generated = `${JSON.stringify(packJsonSchema(), null, 2)}\n`;

// `npm run pack-schema` regenerates the published file.
if (process.env.SIDEVOGN_WRITE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);

describe('the published pack JSON Schema', () => {
  it('is the one generated from the zod schema (run `npm run pack-schema` after changing it)', () => {
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(JSON.parse(generated));
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(generated));

  it('accepts the shipped default pack (checked by an independent validator, ajv)', () => {
    const ok = validate(JSON.parse(JSON.stringify(defaultPack)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what the zod schema rejects in shape', () => {
    expect(validate({ ...defaultPack, format: 'sidevogn-pack/9' })).toBe(false);
    expect(validate({ ...defaultPack, format: 'sidevogn-pack/1' })).toBe(true);
    expect(validate({ ...defaultPack, version: 'v1' })).toBe(false);
    expect(validate({ ...defaultPack, templates: [{ id: 'x' }] })).toBe(false);
    expect(validate({ ...defaultPack, extra: true })).toBe(false);
    const { legalBasis: _b, sourceUrl: _s, ...bare } = defaultPack.templates![0]!;
    expect(validate({ ...defaultPack, templates: [bare] })).toBe(false);
    expect(validate({ ...defaultPack, templates: [{ ...bare, internal: true }] })).toBe(true);
  });
});
