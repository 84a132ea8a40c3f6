import { lazySchema, z } from '../zod';
import { checklistSchema } from '../checklists/schema';
import { adapterSchema } from '../host/adapter';
import { templateSchema } from '../templates/schema';

/**
 * A pack: a versioned bundle of templates, checklists and case-system adapters
 * that a team lead authors and distributes. public/pack.schema.json is
 * generated from this schema (npm run pack-schema) for authoring in any editor.
 */

/**
 * The format this Sidevogn writes. 2 (December 2026): adapters name several
 * targets with a role and may step into frames (`>>>`); templates name their
 * default target by role. Format 1 packs are read as they are (all additions
 * are optional).
 */
export const PACK_FORMAT = 'sidevogn-pack/2';
export const PACK_FORMATS_READ = ['sidevogn-pack/1', PACK_FORMAT] as const;
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

const isoDate = lazySchema(() => z.iso.date({ error: 'Use a date written YYYY-MM-DD' }));
export const semver = lazySchema(() =>
  z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'Use a semantic version such as 1.4.0'),
);

export const packSignatureSchema = lazySchema(() =>
  z.strictObject({
    alg: z.literal('ECDSA-P256-SHA256'),
    /** The signer's public key, SPKI, base64. */
    publicKey: z.base64().min(40).max(400),
    /** Signature over the canonical JSON of the pack without `signature`, base64. */
    value: z.base64().min(40).max(400),
  }),
);

export const packSchema = lazySchema(() =>
  z
    .strictObject({
      format: z.enum(PACK_FORMATS_READ, {
        error: `Unsupported pack format (this Sidevogn reads ${PACK_FORMATS_READ.map((f) => `"${f}"`).join(' and ')})`,
      }),
      id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,79}$/, 'Use lower-case letters, digits, dots and hyphens'),
      name: z.string().trim().min(1).max(160),
      publisher: z.string().trim().min(1).max(160),
      version: semver,
      changelog: z
        .array(z.strictObject({ version: semver, date: isoDate, changes: z.string().trim().min(1).max(4000) }))
        .max(500)
        .default([]),
      validFrom: isoDate,
      validTo: isoDate.optional(),
      templates: z.array(templateSchema).max(300).default([]),
      checklists: z.array(checklistSchema).max(300).default([]),
      adapters: z.array(adapterSchema).max(50).default([]),
      signature: packSignatureSchema.optional(),
    })
    .superRefine((p, ctx) => {
      for (const kind of ['templates', 'checklists', 'adapters'] as const) {
        const seen = new Set<string>();
        p[kind].forEach((item, i) => {
          if (seen.has(item.id))
            ctx.addIssue({ code: 'custom', path: [kind, i, 'id'], message: `Duplicate id "${item.id}" in ${kind}` });
          seen.add(item.id);
        });
      }
      const templateIds = new Set(p.templates.map((t) => t.id));
      p.checklists.forEach((c, i) => {
        if (c.templateId && !templateIds.has(c.templateId))
          ctx.addIssue({
            code: 'custom',
            path: ['checklists', i, 'templateId'],
            message: `"${c.templateId}" is not a template in this pack`,
          });
      });
      if (p.validTo && p.validTo < p.validFrom)
        ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
    }),
);

export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
export type PackSignature = z.infer<typeof packSignatureSchema>;

export function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
