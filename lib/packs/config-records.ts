import { lazySchema, z } from '../zod';
import { adapterSchema } from '../host/adapter';
import { packDraftSchema } from './editor/draft';
import { packSchema } from './schema';
import { templateSchema } from '../templates/schema';

/**
 * Records of the tables that configure Sidevogn rather than hold citizen data:
 * templates, packs, adapters, the pack editor's draft and signing keys. Kept
 * apart from ./records because they build on the template, pack and adapter
 * schemas, which the panel needs only once a template, checklist or pack is
 * used (./config-repository is loaded then).
 */

export const templateRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    template: templateSchema,
    source: z.enum(['default', 'import']),
    installedAt: z.number().int(),
  }),
);

/** A case-system adapter made by a team lead in the options page (packs will ship them later). */
export const adapterRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    adapter: adapterSchema,
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
);

/** One installed version of a pack; versions are kept so work in progress can use the one it began with. */
export const packVersionRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    version: z.string(),
    pack: packSchema,
    installedAt: z.number().int(),
    /** Fingerprint of the key that signed it, when signed. */
    signedBy: z.string().nullable(),
  }),
);

export const packSourceSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('default') }),
    z.strictObject({ kind: z.literal('file') }),
    z.strictObject({ kind: z.literal('editor') }),
    z.strictObject({
      kind: z.enum(['url', 'policy']),
      url: z.url({ protocol: /^https?$/ }),
      etag: z.string().nullable(),
      lastModified: z.string().nullable(),
      checkedAt: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ]),
);

/** Which version of a pack is in use, where it comes from, and whether the user may remove it. */
export const packStateRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    activeVersion: z.string(),
    source: packSourceSchema,
    removable: z.boolean(),
    /** Why policy stopped this pack (issue 27): not used while set; cleared when policy lets it in again. */
    blocked: z.string().optional(),
  }),
);

/** The pack editor's work in progress, saved as the team lead types. */
export const packDraftRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    draft: packDraftSchema,
    updatedAt: z.number().int(),
  }),
);

/** A team lead's pack-signing key pair. The private key is a non-extractable CryptoKey (structured-cloned). */
export const signingKeyRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    name: z.string().max(160),
    /** SPKI, base64: the form policy `trustedPackKeys` and pack signatures use. */
    publicKey: z.string().min(40),
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
    createdAt: z.number().int(),
    privateKey: z.custom<CryptoKey>(
      (v) => typeof CryptoKey !== 'undefined' && v instanceof CryptoKey,
      'Not a CryptoKey',
    ),
  }),
);

export type TemplateRecord = z.infer<typeof templateRecordSchema>;
export type AdapterRecord = z.infer<typeof adapterRecordSchema>;
export type PackVersionRecord = z.infer<typeof packVersionRecordSchema>;
export type PackSource = z.infer<typeof packSourceSchema>;
export type PackStateRecord = z.infer<typeof packStateRecordSchema>;
export type PackDraftRecord = z.infer<typeof packDraftRecordSchema>;
export type SigningKeyRecord = z.infer<typeof signingKeyRecordSchema>;
