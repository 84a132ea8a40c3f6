import { lazySchema, z } from '../../zod';
import { adapterSchema } from '../../host/adapter';
import { MEETING_TYPES, PREFILL_SOURCES } from '../../templates/schema';

/**
 * The pack editor's work in progress. Every value is kept as the team lead
 * typed it (strings, even for numbers and dates), so a half-finished pack can
 * always be stored and nothing typed is lost; buildPack() turns it into a pack
 * for validatePack(). Arrays keep the pack's order, so a validation path such
 * as `templates.0.fields.1.label` points at the same input in the editor.
 */

export const FIELD_KINDS = ['text', 'textarea', 'date', 'number', 'choice', 'choices', 'yesno'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const text = lazySchema(() => z.string().max(20_000));
/** A stable key for React lists; never exported into the pack. */
const key = lazySchema(() => z.string().min(1).max(64));

export const draftOptionSchema = lazySchema(() => z.strictObject({ key, value: text, label: text }));

export const draftFieldSchema = lazySchema(() =>
  z.strictObject({
    key,
    id: text,
    /** While true, the id follows the label (the team lead has not typed one). */
    autoId: z.boolean(),
    kind: z.enum(FIELD_KINDS),
    label: text,
    help: text,
    required: z.boolean(),
    /** As typed: text, a number, `today` or a date, `true`/`false`, or an option value. */
    default: text,
    /** Defaults of a `choices` field (option values). */
    defaults: z.array(text).max(40),
    /** How a `choices` field reads in the note: a list, or each label as its own sentence. */
    style: z.enum(['list', 'sentences']).default('list'),
    showWhenField: text,
    showWhenEquals: text,
    prefill: z.union([z.literal(''), z.enum(PREFILL_SOURCES)]),
    options: z.array(draftOptionSchema).max(40),
    min: text,
    max: text,
    unit: text,
  }),
);

export const draftTemplateSchema = lazySchema(() =>
  z.strictObject({
    key,
    id: text,
    autoId: z.boolean(),
    title: text,
    meetingType: z.enum(MEETING_TYPES),
    description: text,
    /** For the team's own use: legal basis and source optional (pack format 5; absent in drafts saved before it). */
    internal: z.boolean().optional(),
    legalBasis: text,
    sourceUrl: text,
    checkedAt: text,
    validFrom: text,
    validTo: text,
    fields: z.array(draftFieldSchema).max(80),
    body: text,
    /** The role of the case-system field the note goes into (drafts saved before it have none). */
    target: text.optional(),
    /** The id of the item this one succeeds (pack format 3; absent in drafts saved before it). */
    replaces: text.optional(),
    /** Typed in the journal field and followed by Tab (pack format 4; absent in drafts saved before it). */
    shortcut: text.optional(),
  }),
);

export const draftItemSchema = lazySchema(() =>
  z.strictObject({
    key,
    id: text,
    autoId: z.boolean(),
    title: text,
    help: text,
    legalBasis: text,
    sourceUrl: text,
    required: z.boolean(),
    noteText: text,
    /** Pack format 2; absent in drafts saved before it. */
    field: text.optional(),
    tickedByInsert: z.boolean().optional(),
  }),
);

export const draftChecklistSchema = lazySchema(() =>
  z.strictObject({
    key,
    id: text,
    autoId: z.boolean(),
    title: text,
    meetingType: z.enum(MEETING_TYPES),
    templateId: text,
    legalBasis: text,
    sourceUrl: text,
    checkedAt: text,
    validFrom: text,
    validTo: text,
    /** The id of the item this one succeeds (pack format 3; absent in drafts saved before it). */
    replaces: text.optional(),
    items: z.array(draftItemSchema).max(100),
  }),
);

const changelogEntry = lazySchema(() => z.strictObject({ version: text, date: text, changes: text }));

export const packDraftSchema = lazySchema(() =>
  z.strictObject({
    id: text,
    name: text,
    publisher: text,
    version: text,
    /** The version this draft was made from (installed or imported), or null for a new pack. */
    baseVersion: z.string().nullable(),
    /** Entries of earlier versions, kept as they were. */
    changelogHistory: z.array(changelogEntry).max(500),
    /** This version's changelog entry. */
    changes: text,
    changesDate: text,
    validFrom: text,
    validTo: text,
    templates: z.array(draftTemplateSchema).max(300),
    checklists: z.array(draftChecklistSchema).max(300),
    /** Adapters of a loaded pack, carried over unchanged (they are built elsewhere). */
    adapters: z.array(adapterSchema).max(50),
  }),
);

export type DraftField = z.infer<typeof draftFieldSchema>;
export type DraftTemplate = z.infer<typeof draftTemplateSchema>;
export type DraftItem = z.infer<typeof draftItemSchema>;
export type DraftChecklist = z.infer<typeof draftChecklistSchema>;
export type PackDraft = z.infer<typeof packDraftSchema>;
