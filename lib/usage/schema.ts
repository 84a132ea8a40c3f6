import { lazySchema, z } from '../zod';

/**
 * What Sidevogn counts about its own use (issue 32, items 3 and 4): data about
 * the caseworker's work, never about a citizen. A record holds the day (no time
 * of day), the template or checklist (pack text: ids and titles), counts and
 * durations. No citizen key, no CPR, no name, no note text, no reason text, no
 * id of a citizen's checklist run: nothing links a record to a citizen.
 */

const id = () => z.string().min(1).max(120);
const title = () => z.string().max(300);
const count = () => z.number().int().nonnegative().max(10_000_000);
/** Local day, YYYY-MM-DD. */
export const daySchema = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

export const templateUseSchema = lazySchema(() =>
  z.strictObject({
    id: z.uuid(),
    kind: z.literal('template'),
    day: daySchema,
    templateId: id(),
    templateTitle: title(),
    /** Characters of the note as inserted (or copied). */
    noteChars: count(),
    /** Keys the caseworker pressed in the form (modifier keys alone not counted). */
    keystrokes: count(),
    /** Clicks and taps in the form. */
    clicks: count(),
    /** From opening the form to inserting, in ms (time in the form only). */
    formMs: count(),
    /**
     * The form went on from a draft saved before this panel was opened: the
     * time spent on it earlier is unknown, so this use counts as saving nothing.
     */
    resumed: z.boolean(),
  }),
);
export type TemplateUse = z.infer<typeof templateUseSchema>;

export const checklistUseSchema = lazySchema(() =>
  z.strictObject({
    id: z.uuid(),
    kind: z.literal('checklist'),
    day: daySchema,
    packId: id(),
    checklistId: id(),
    checklistTitle: title(),
    items: count(),
    done: count(),
    /** Items marked »ikke relevant«: which, and whether a reason was given (never its text). */
    notRelevant: z.array(z.strictObject({ id: id(), title: title(), reason: z.boolean() })).max(500),
  }),
);
export type ChecklistUse = z.infer<typeof checklistUseSchema>;

export const usageRecordSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [templateUseSchema, checklistUseSchema]),
);
export type UsageRecord = TemplateUse | ChecklistUse;

/** The local day of a time, YYYY-MM-DD (the one rule: lib/summary/dates.ts). */
export { localDay } from '../summary/dates';
