import { lazySchema, z } from '../zod';
import { FIELD_ID_PATTERN, FIELD_ID_RULE, MEETING_TYPES } from '../templates/vocabulary';

/**
 * A checklist: what a meeting must cover. Ticked items can write their part of
 * the compulsory note (noteText) through the template the checklist links to.
 */

const isoDate = lazySchema(() => z.iso.date({ error: 'Use a date written YYYY-MM-DD' }));
const itemId = lazySchema(() =>
  z.string().regex(/^[a-z][a-zA-Z0-9-]{0,39}$/, 'Use letters, digits and hyphens, starting with a letter'),
);

export const checklistItemSchema = lazySchema(() =>
  z.strictObject({
    id: itemId,
    title: z.string().trim().min(1).max(200),
    help: z.string().max(1000).optional(),
    legalBasis: z.string().max(300).optional(),
    sourceUrl: z.url({ protocol: /^https$/, error: 'Use an https:// link' }).optional(),
    /** Must be ticked or marked not relevant before the note is inserted. */
    required: z.boolean().default(false),
    /**
     * The sentence the ticked item adds to the note. Only for an item that is
     * neither linked to a field (the template writes that fact) nor a process step.
     */
    noteText: z.string().max(1000).optional(),
    /**
     * The field of the linked template that records this fact (pack format 2):
     * the item counts as done when the caseworker has filled the field, and it
     * writes nothing itself, so the note says the fact once.
     */
    field: z.string().regex(FIELD_ID_PATTERN, FIELD_ID_RULE).optional(),
    /**
     * A process step ticked by the panel, never by hand (pack format 2):
     * `inserted` is ticked when the note was inserted and read back in the
     * case system's field. It writes nothing and is never asked for before inserting.
     */
    tickedBy: z.enum(['inserted']).optional(),
  }),
);

export const checklistSchema = lazySchema(() =>
  z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,79}$/, 'Use lower-case letters, digits, dots and hyphens'),
      title: z.string().trim().min(1).max(160),
      meetingType: z.enum(MEETING_TYPES),
      /** The template whose note this checklist's ticked items write into. */
      templateId: z.string().optional(),
      legalBasis: z.string().trim().min(1).max(600),
      sourceUrl: z.url({ protocol: /^https$/, error: 'Use an https:// link' }),
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
      items: z.array(checklistItemSchema).min(1).max(100),
    })
    .superRefine((c, ctx) => {
      const seen = new Set<string>();
      c.items.forEach((item, i) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `Duplicate item id "${item.id}"` });
        seen.add(item.id);
      });
      c.items.forEach((item, i) => {
        if (item.noteText && (item.field || item.tickedBy))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'noteText'],
            message: 'An item linked to a field or ticked by the panel writes nothing into the note',
          });
        if (item.tickedBy && item.required)
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'required'],
            message: 'An item ticked by the panel after inserting cannot be required before inserting',
          });
      });
      if (c.validTo && c.validTo < c.validFrom)
        ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
    }),
);

export type Checklist = z.infer<typeof checklistSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistInput = z.input<typeof checklistSchema>;
