import { lazySchema, z } from '../zod';
import { parseBody, referencedNames, TemplateSyntaxError } from './render';

/**
 * Templates are data: they ship in packs, so every part is validated here and a
 * template that fails gets an error naming the path and the reason.
 */

export { MEETING_TYPES, PREFILL_SOURCES, type MeetingType, type PrefillSource } from './vocabulary';
import { FIELD_ID_PATTERN, FIELD_ID_RULE, MEETING_TYPES, PREFILL_SOURCES } from './vocabulary';

/**
 * A template shortcut: a sign that ordinary words do not start with (; : / ! # + - or .)
 * then 1–15 letters or digits, so typing prose never expands one by accident.
 */
export const SHORTCUT_PATTERN = /^[;:/!#+.-][\p{L}\p{N}]{1,15}$/u;
export const SHORTCUT_RULE = 'Use one of ; : / ! # + - . followed by 1 to 15 letters or digits, e.g. ;fj';

const isoDate = lazySchema(() => z.iso.date({ error: 'Use a date written YYYY-MM-DD' }));
const fieldId = lazySchema(() => z.string().regex(FIELD_ID_PATTERN, FIELD_ID_RULE));
const label = lazySchema(() => z.string().trim().min(1).max(160));
const optionValue = lazySchema(() =>
  z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and hyphens'),
);

const option = lazySchema(() => z.strictObject({ value: optionValue, label }));

const fieldBase = {
  id: fieldId,
  label,
  help: z.string().max(600).optional(),
  /** A required field must have a value before the note can be inserted. */
  required: z.boolean().default(false),
  /** Show the field only when another field has the given value. */
  showWhen: z.strictObject({ field: fieldId, equals: z.union([optionValue, z.boolean()]) }).optional(),
  prefill: z.enum(PREFILL_SOURCES).optional(),
};

export const templateFieldSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ ...fieldBase, kind: z.literal('text'), default: z.string().max(500).optional() }),
    z.strictObject({ ...fieldBase, kind: z.literal('textarea'), default: z.string().max(5000).optional() }),
    z.strictObject({
      ...fieldBase,
      kind: z.literal('date'),
      default: z.union([z.literal('today'), isoDate]).optional(),
    }),
    z.strictObject({
      ...fieldBase,
      kind: z.literal('number'),
      default: z.number().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      unit: z.string().max(30).optional(),
    }),
    z.strictObject({
      ...fieldBase,
      kind: z.literal('choice'),
      options: z.array(option).min(1).max(40),
      default: optionValue.optional(),
    }),
    z.strictObject({
      ...fieldBase,
      kind: z.literal('choices'),
      options: z.array(option).min(1).max(40),
      default: z.array(optionValue).optional(),
      /** In the note: a list ("a, b og c"), or each chosen label as a sentence of its own. */
      style: z.enum(['list', 'sentences']).default('list'),
    }),
    z.strictObject({ ...fieldBase, kind: z.literal('yesno'), default: z.boolean().optional() }),
  ]),
);

const NEEDS_BASIS = 'A template that is not internal needs a legal basis';
const NEEDS_SOURCE = 'A template that is not internal needs a source (an https:// link)';

export const templateSchema = lazySchema(() =>
  z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,79}$/, 'Use lower-case letters, digits, dots and hyphens'),
      title: label,
      meetingType: z.enum(MEETING_TYPES),
      description: z.string().max(600).optional(),
      /**
       * For the team's own use, with no legal basis (pack format 5): legalBasis
       * and sourceUrl are optional, and the panel says the template is internal.
       */
      internal: z.boolean().optional(),
      /** Required unless the template is internal (checked below). */
      legalBasis: z.string().trim().min(1).max(600).optional(),
      /** Required unless the template is internal (checked below). */
      sourceUrl: z.url({ protocol: /^https$/, error: 'Use an https:// link' }).optional(),
      /** When the legal basis and wording were last checked. */
      checkedAt: isoDate,
      validFrom: isoDate,
      validTo: isoDate.optional(),
      /**
       * The id of the item this one succeeds (pack format 3): the older item
       * ends (validTo) as this one starts (validFrom), and the team lead sees
       * which expiring items have a successor.
       */
      replaces: z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,79}$/, 'Use lower-case letters, digits, dots and hyphens')
        .optional(),
      /**
       * Typed in the case system's journal field and followed by Tab, opens this
       * template's form (pack format 4), e.g. `;fj`. See SHORTCUT_PATTERN.
       */
      shortcut: z.string().regex(SHORTCUT_PATTERN, SHORTCUT_RULE).optional(),
      fields: z.array(templateFieldSchema).max(80),
      body: z.string().min(1).max(20_000),
      /** The role of the case-system field this note goes into by default (an adapter target's role). */
      target: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,31}$/, 'Use lower-case letters, digits and hyphens')
        .optional(),
    })
    .superRefine((t, ctx) => {
      if (!t.internal && t.legalBasis === undefined)
        ctx.addIssue({ code: 'custom', path: ['legalBasis'], message: NEEDS_BASIS });
      if (!t.internal && t.sourceUrl === undefined)
        ctx.addIssue({ code: 'custom', path: ['sourceUrl'], message: NEEDS_SOURCE });
      const ids = new Map<string, number>();
      t.fields.forEach((f, i) => {
        if (ids.has(f.id))
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `Duplicate field id "${f.id}"` });
        ids.set(f.id, i);
      });
      t.fields.forEach((f, i) => {
        if (f.showWhen) {
          const j = ids.get(f.showWhen.field);
          if (j === undefined || j >= i)
            ctx.addIssue({
              code: 'custom',
              path: ['fields', i, 'showWhen', 'field'],
              message: `"${f.showWhen.field}" must be a field declared before this one`,
            });
        }
        if ((f.kind === 'choice' || f.kind === 'choices') && f.default !== undefined) {
          const values = f.options.map((o) => o.value);
          const defaults = Array.isArray(f.default) ? f.default : [f.default];
          if (defaults.some((d) => !values.includes(d)))
            ctx.addIssue({
              code: 'custom',
              path: ['fields', i, 'default'],
              message: 'The default is not one of the options',
            });
        }
        if (
          (f.kind === 'choice' || f.kind === 'choices') &&
          new Set(f.options.map((o) => o.value)).size !== f.options.length
        )
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'Option values must be unique' });
      });
      if (t.validTo && t.validTo < t.validFrom)
        ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
      try {
        for (const name of referencedNames(parseBody(t.body))) {
          if (!ids.has(name))
            ctx.addIssue({ code: 'custom', path: ['body'], message: `{{${name}}} is not a field of this template` });
        }
      } catch (e) {
        if (!(e instanceof TemplateSyntaxError)) throw e;
        ctx.addIssue({ code: 'custom', path: ['body'], message: e.message });
      }
    }),
);

export type Template = z.infer<typeof templateSchema>;
export type TemplateField = z.infer<typeof templateFieldSchema>;
export type TemplateInput = z.input<typeof templateSchema>;

/** One line per problem: `fields.2.options: Option values must be unique`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(template)'}: ${i.message}`);
}

export type TemplateParse = { ok: true; template: Template } | { ok: false; errors: string[] };

export function parseTemplate(input: unknown): TemplateParse {
  const result = templateSchema.safeParse(input);
  return result.success ? { ok: true, template: result.data } : { ok: false, errors: describeIssues(result.error) };
}
