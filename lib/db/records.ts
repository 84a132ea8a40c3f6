import { z } from 'zod';
import { templateSchema } from '../templates/schema';

/**
 * Records as stored in IndexedDB. Types are inferred from these schemas, and
 * records are parsed when read, so a shape left behind by an old version fails
 * loudly instead of being silently replaced.
 */

export const citizenRecordSchema = z.strictObject({
  /** HMAC of the CPR under an installation secret: stable, but not the number. */
  key: z.string().regex(/^[0-9a-f]{32}$/),
  cpr: z.string().regex(/^\d{6}-\d{4}$/),
  name: z.string().max(500),
  firstSeenAt: z.number().int(),
  lastActivityAt: z.number().int(),
});

export const noteRecordSchema = z.strictObject({
  id: z.string().min(1),
  citizenKey: z.string(),
  body: z.string().max(200_000),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const draftRecordSchema = z.strictObject({
  /** See draftId(): one draft per citizen for a new note, one per edited note. */
  id: z.string().min(1),
  citizenKey: z.string(),
  body: z.string().max(200_000),
  updatedAt: z.number().int(),
});

export const metaRecordSchema = z.strictObject({
  key: z.string(),
  value: z.unknown(),
});

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const templateRecordSchema = z.strictObject({
  id: z.string(),
  template: templateSchema,
  source: z.enum(['default', 'import']),
  installedAt: z.number().int(),
});

/** A half-filled template form, per citizen and template, until inserted or discarded. */
export const formDraftRecordSchema = z.strictObject({
  id: z.string(),
  citizenKey: z.string(),
  templateId: z.string(),
  values: z.record(z.string(), fieldValue),
  updatedAt: z.number().int(),
});

/** What happened in the citizen's case through Sidevogn (not copies of journal text). */
export const historyRecordSchema = z.strictObject({
  id: z.string(),
  citizenKey: z.string(),
  at: z.number().int(),
  kind: z.literal('template-inserted'),
  templateId: z.string(),
  templateTitle: z.string(),
  /** The host field the note went into, or null when it was copied instead. */
  target: z.string().nullable(),
});

export type CitizenRecord = z.infer<typeof citizenRecordSchema>;
export type NoteRecord = z.infer<typeof noteRecordSchema>;
export type DraftRecord = z.infer<typeof draftRecordSchema>;
export type MetaRecord = z.infer<typeof metaRecordSchema>;
export type TemplateRecord = z.infer<typeof templateRecordSchema>;
export type FormDraftRecord = z.infer<typeof formDraftRecordSchema>;
export type HistoryRecord = z.infer<typeof historyRecordSchema>;
