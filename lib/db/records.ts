import { lazySchema, z } from '../zod';
import { CITIZEN_FIELD_IDS } from '../host/citizen-fields';
import { sealedSchema, type Sealed } from '../crypto/seal';

/** A stored record that does not match its schema (or cannot be decrypted): fails loudly, never replaced. */
export class StoredDataError extends Error {
  constructor(
    readonly table: string,
    readonly issues: string,
  ) {
    super(`Stored ${table} record does not match its schema: ${issues}`);
    this.name = 'StoredDataError';
  }
}

/** A stored value as its schema reads it, or StoredDataError. */
export function parseStored<T>(schema: z.ZodType<T>, table: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredDataError(table, z.prettifyError(result.error));
  return result.data;
}

/**
 * Records as stored in IndexedDB. Types are inferred from these schemas, and
 * records are parsed when read, so a shape left behind by an old version fails
 * loudly instead of being silently replaced.
 */

/**
 * A case-system address as stored: an http(s) URL of at most 2,048 characters.
 * Whether its origin has a taught adapter is checked where it is stored and
 * where it is opened (lib/summary/case-address.ts), against the adapters then.
 */
export const caseAddressSchema = lazySchema(() =>
  z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .refine((url) => {
      // Refinements run after a failed check too: a string that is no URL at all is already refused.
      if (!URL.canParse(url)) return false;
      const { username, password } = new URL(url);
      return !username && !password;
    }, 'no user name or password in the address'),
);

export const citizenRecordSchema = lazySchema(() =>
  z.strictObject({
    /** HMAC of the CPR under an installation secret: stable, but not the number. */
    key: z.string().regex(/^[0-9a-f]{32}$/),
    cpr: z.string().regex(/^\d{6}-\d{4}$/),
    name: z.string().max(500),
    firstSeenAt: z.number().int(),
    lastActivityAt: z.number().int(),
    /** Where the bridge last saw the citizen in the case system ("Åbn i sagssystemet"; lib/summary/case-address.ts). */
    caseAddress: caseAddressSchema.optional(),
  }),
);

export const noteRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    citizenKey: z.string(),
    body: z.string().max(200_000),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
);

export const draftRecordSchema = lazySchema(() =>
  z.strictObject({
    /** See draftId(): one draft per citizen for a new note, one per edited note. */
    id: z.string().min(1),
    citizenKey: z.string(),
    body: z.string().max(200_000),
    updatedAt: z.number().int(),
  }),
);

export const metaRecordSchema = lazySchema(() =>
  z.strictObject({
    key: z.string(),
    value: z.unknown(),
  }),
);

const fieldValue = lazySchema(() => z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]));

/** A half-filled template form, per citizen and template, until inserted or discarded. */
/**
 * Version of a form draft's values. 2: saved by a build whose default pack
 * (2.0.0 on) pre-answers nothing. A draft without it was begun on the 1.0.0
 * default pack, whose pre-answered values are taken out when it is opened
 * (lib/templates/migrate.ts).
 */
export const FORM_VALUES_VERSION = 2;

export const formDraftRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    citizenKey: z.string(),
    templateId: z.string(),
    values: z.record(z.string(), fieldValue),
    valuesVersion: z.number().int().optional(),
    updatedAt: z.number().int(),
  }),
);

/** What happened in the citizen's case through Sidevogn (not copies of journal text). */
export const historyRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    citizenKey: z.string(),
    at: z.number().int(),
    kind: z.literal('template-inserted'),
    templateId: z.string(),
    templateTitle: z.string(),
    /** The host field the note went into, or null when it was copied instead. */
    target: z.string().nullable(),
  }),
);

/** What the caseworker keeps on the citizen's one-page summary, in their own words. */
export const SUMMARY_TEXT_FIELDS = [
  'goal',
  'situation',
  'resources',
  'barriers',
  'health',
  'agreements',
  'nextSteps',
] as const;
export const CONTACT_ROLES = ['laege', 'mentor', 'arbejdsgiver', 'bisidder', 'andet'] as const;

/** A value with the time it last changed. */
const stampedText = lazySchema(() => z.strictObject({ value: z.string().max(20_000), at: z.number().int() }));

export const contactSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1).max(64),
    role: z.enum(CONTACT_ROLES),
    name: z.string().trim().min(1).max(200),
    /** Phone, e-mail or a short note. */
    detail: z.string().max(500),
    at: z.number().int(),
  }),
);

/** One per citizen (keyed by the citizen key, never the CPR). */
export const summaryRecordSchema = lazySchema(() =>
  z.strictObject({
    citizenKey: z.string().regex(/^[0-9a-f]{32}$/),
    text: z.partialRecord(z.enum(SUMMARY_TEXT_FIELDS), stampedText),
    /** Facts read from the case system as last seen, with when each last changed there. */
    hostFacts: z.partialRecord(z.enum(CITIZEN_FIELD_IDS), stampedText),
    /** The caseworker's own value for a fact; shown beside the host's when they differ, never overwritten. */
    ownFacts: z.partialRecord(z.enum(CITIZEN_FIELD_IDS), stampedText),
    contacts: z.array(contactSchema).max(100),
  }),
);

/** A deadline (rettidighed) for a citizen; `due` is a local calendar day. */
export const deadlineRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().min(1),
    citizenKey: z.string().regex(/^[0-9a-f]{32}$/),
    title: z.string().trim().min(1).max(200),
    due: z.iso.date(),
    createdAt: z.number().int(),
    doneAt: z.number().int().nullable(),
  }),
);

const itemStateSchema = lazySchema(() =>
  z.strictObject({
    state: z.enum(['done', 'na']),
    at: z.number().int(),
    reason: z.string().max(500).optional(),
  }),
);

/** A checklist being worked through for a citizen, pinned to the pack version it began with. */
export const checklistRunRecordSchema = lazySchema(() =>
  z.strictObject({
    id: z.string(),
    citizenKey: z.string(),
    packId: z.string(),
    packVersion: z.string(),
    checklistId: z.string(),
    startedAt: z.number().int(),
    finishedAt: z.number().int().nullable(),
    items: z.record(z.string(), itemStateSchema),
  }),
);

export type CitizenRecord = z.infer<typeof citizenRecordSchema>;
export type NoteRecord = z.infer<typeof noteRecordSchema>;
export type DraftRecord = z.infer<typeof draftRecordSchema>;
export type MetaRecord = z.infer<typeof metaRecordSchema>;
export type FormDraftRecord = z.infer<typeof formDraftRecordSchema>;
export type HistoryRecord = z.infer<typeof historyRecordSchema>;
export type SummaryTextField = (typeof SUMMARY_TEXT_FIELDS)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export type Contact = z.infer<typeof contactSchema>;
export type SummaryRecord = z.infer<typeof summaryRecordSchema>;
export type DeadlineRecord = z.infer<typeof deadlineRecordSchema>;
export type ChecklistRunRecord = z.infer<typeof checklistRunRecordSchema>;
export type ChecklistItemState = z.infer<typeof itemStateSchema>;

/**
 * Citizen data at rest (DB version 6 on): each row keeps in clear only its
 * primary key and the fields an index needs; the rest of the record is
 * sealed (lib/crypto/seal) under the data key. See ./sealed.
 */
export type SealedRow<R, C extends keyof R> = Pick<R, C> & { sealed: Sealed };

const sealedRow = <T extends z.ZodRawShape>(shape: () => T) =>
  lazySchema(() => z.strictObject({ ...shape(), sealed: sealedSchema }));
const citizenKeyField = lazySchema(() => z.string().regex(/^[0-9a-f]{32}$/));
const time = lazySchema(() => z.number().int());

export const CLEAR_FIELDS = {
  citizens: ['key', 'lastActivityAt'],
  notes: ['id', 'citizenKey', 'createdAt'],
  drafts: ['id', 'citizenKey'],
  formDrafts: ['id', 'citizenKey'],
  history: ['id', 'citizenKey', 'at'],
  summaries: ['citizenKey'],
  // The service worker's deadline alarm reads due and doneAt while locked (its notification names no one).
  deadlines: ['id', 'citizenKey', 'due', 'doneAt'],
  checklistRuns: ['id', 'citizenKey'],
} as const;

export const sealedRowSchemas = {
  citizens: sealedRow(() => ({ key: citizenKeyField, lastActivityAt: time })),
  notes: sealedRow(() => ({ id: z.string().min(1), citizenKey: z.string(), createdAt: time })),
  drafts: sealedRow(() => ({ id: z.string().min(1), citizenKey: z.string() })),
  formDrafts: sealedRow(() => ({ id: z.string(), citizenKey: z.string() })),
  history: sealedRow(() => ({ id: z.string(), citizenKey: z.string(), at: time })),
  summaries: sealedRow(() => ({ citizenKey: citizenKeyField })),
  deadlines: sealedRow(() => ({
    id: z.string().min(1),
    citizenKey: citizenKeyField,
    due: z.iso.date(),
    doneAt: time.nullable(),
  })),
  checklistRuns: sealedRow(() => ({ id: z.string(), citizenKey: z.string() })),
};

export type SealedTableName = keyof typeof CLEAR_FIELDS;

export type CitizenRow = SealedRow<CitizenRecord, 'key' | 'lastActivityAt'>;
export type NoteRow = SealedRow<NoteRecord, 'id' | 'citizenKey' | 'createdAt'>;
export type DraftRow = SealedRow<DraftRecord, 'id' | 'citizenKey'>;
export type FormDraftRow = SealedRow<FormDraftRecord, 'id' | 'citizenKey'>;
export type HistoryRow = SealedRow<HistoryRecord, 'id' | 'citizenKey' | 'at'>;
export type SummaryRow = SealedRow<SummaryRecord, 'citizenKey'>;
export type DeadlineRow = SealedRow<DeadlineRecord, 'id' | 'citizenKey' | 'due' | 'doneAt'>;
export type ChecklistRunRow = SealedRow<ChecklistRunRecord, 'id' | 'citizenKey'>;
