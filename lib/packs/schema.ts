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
 * The format this Sidevogn writes. Format 2 (December 2026) added checklist
 * items linked to a template field (`field`) or ticked by the panel
 * (`tickedBy`), the meeting types `loebende-jobsamtale` and `afgoerelse`,
 * adapters that name several targets with a role and step into frames (`>>>`),
 * and templates that name their default target by role. Format 3 (December
 * 2026) added the meeting types `tilbud`, `fleksjob`, `ressourceforloeb`,
 * `uddannelsespaalaeg`, `arbejdspligt` and `faellessamtale`, and `replaces` on
 * templates and checklists: a successor names the item it takes over from
 * (say, on 1 January 2027). Format 4 (December 2026) added `shortcut` on
 * templates: typed in the case system's journal field and followed by Tab, it
 * opens the template's form (lib/host/shortcuts.ts). Format 5 (December 2026)
 * added field ids in readable Danish (`borgerens_ønsker`: letters æøå and `_`,
 * FIELD_ID_PATTERN) and `internal` on templates: a template for the team's own
 * use, whose legal basis and source are optional. A pack in any earlier format
 * is a valid format-5 pack.
 */
export const PACK_FORMAT = 'sidevogn-pack/5';
/** Formats this version still reads. */
export const READABLE_PACK_FORMATS = [
  PACK_FORMAT,
  'sidevogn-pack/4',
  'sidevogn-pack/3',
  'sidevogn-pack/2',
  'sidevogn-pack/1',
] as const;
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
      format: z.enum(READABLE_PACK_FORMATS, {
        error: `Unsupported pack format (this Sidevogn reads ${READABLE_PACK_FORMATS.map((f) => `"${f}"`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' and $1')})`,
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
      for (const kind of ['templates', 'checklists'] as const) {
        const items = new Map<string, { validFrom: string }>(p[kind].map((x) => [x.id, x]));
        p[kind].forEach((item, i) => {
          if (!item.replaces) return;
          const replaced = items.get(item.replaces);
          if (!replaced || item.replaces === item.id)
            ctx.addIssue({
              code: 'custom',
              path: [kind, i, 'replaces'],
              message: `"${item.replaces}" is not another item among the ${kind} of this pack`,
            });
          else if (item.validFrom <= replaced.validFrom)
            ctx.addIssue({
              code: 'custom',
              path: [kind, i, 'validFrom'],
              message: `A successor must start after the item it replaces ("${item.replaces}")`,
            });
        });
      }
      // A shortcut names one template at a time: two may share it only if their periods
      // do not overlap (a successor that takes over from the item it replaces).
      const overlap = (a: { validFrom: string; validTo?: string }, b: { validFrom: string; validTo?: string }) =>
        a.validFrom <= (b.validTo ?? '9999') && b.validFrom <= (a.validTo ?? '9999');
      p.templates.forEach((t, i) => {
        const other = t.shortcut && p.templates.slice(0, i).find((o) => o.shortcut === t.shortcut && overlap(o, t));
        if (other)
          ctx.addIssue({
            code: 'custom',
            path: ['templates', i, 'shortcut'],
            message: `The shortcut "${t.shortcut}" is already the template "${other.id}"'s`,
          });
      });
      const templates = new Map(p.templates.map((t) => [t.id, t]));
      p.checklists.forEach((c, i) => {
        const template = c.templateId ? templates.get(c.templateId) : undefined;
        if (c.templateId && !template)
          ctx.addIssue({
            code: 'custom',
            path: ['checklists', i, 'templateId'],
            message: `"${c.templateId}" is not a template in this pack`,
          });
        c.items.forEach((item, j) => {
          if (!item.field) return;
          if (!c.templateId)
            ctx.addIssue({
              code: 'custom',
              path: ['checklists', i, 'items', j, 'field'],
              message: 'A checklist linked to no template cannot link an item to a field',
            });
          else if (template && !template.fields.some((f) => f.id === item.field))
            ctx.addIssue({
              code: 'custom',
              path: ['checklists', i, 'items', j, 'field'],
              message: `"${item.field}" is not a field of the template "${c.templateId}"`,
            });
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
