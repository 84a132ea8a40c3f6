import { z } from 'zod';
import { deriveCitizenKey, newCitizenKeySecret } from './citizen-key';
import type { SidevognDb } from './database';
import {
  citizenRecordSchema,
  draftRecordSchema,
  formDraftRecordSchema,
  historyRecordSchema,
  noteRecordSchema,
  templateRecordSchema,
  type CitizenRecord,
  type DraftRecord,
  type FormDraftRecord,
  type HistoryRecord,
  type NoteRecord,
  type TemplateRecord,
} from './records';
import type { FormValues } from '../templates/form';
import { parseTemplate, type Template } from '../templates/schema';

/**
 * All reads and writes of citizen data. Encryption at rest will wrap this
 * module, so nothing else touches the tables.
 */

const SECRET_META_KEY = 'citizenKeySecret';
const DEFAULTS_META_KEY = 'defaultTemplatesInstalled';

/** A stored template that no longer validates: shown with its errors, never used. */
export interface BrokenTemplate {
  id: string;
  errors: string[];
}

export type DraftId = `new:${string}` | `edit:${string}`;

export const draftIdForNewNote = (citizenKey: string): DraftId => `new:${citizenKey}`;
export const draftIdForEdit = (noteId: string): DraftId => `edit:${noteId}`;

export class StoredDataError extends Error {
  constructor(
    readonly table: string,
    readonly issues: string,
  ) {
    super(`Stored ${table} record does not match its schema: ${issues}`);
    this.name = 'StoredDataError';
  }
}

function parseStored<T>(schema: z.ZodType<T>, table: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredDataError(table, z.prettifyError(result.error));
  return result.data;
}

export function createRepository(db: SidevognDb, now: () => number = Date.now) {
  let secret: Promise<Uint8Array> | undefined;

  async function loadSecret(): Promise<Uint8Array> {
    return db.transaction('rw', db.meta, async () => {
      const row = await db.meta.get(SECRET_META_KEY);
      if (row?.value instanceof Uint8Array) return row.value;
      if (row) throw new StoredDataError('meta', 'citizen key secret is not bytes');
      const fresh = newCitizenKeySecret();
      await db.meta.put({ key: SECRET_META_KEY, value: fresh });
      return fresh;
    });
  }

  async function citizenKey(canonicalCpr: string): Promise<string> {
    secret ??= loadSecret().catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return deriveCitizenKey(await secret, canonicalCpr);
  }

  const citizens = {
    /** Records that the caseworker has this citizen open; returns the key. */
    async open(cpr: string, name: string): Promise<string> {
      const key = await citizenKey(cpr);
      await db.transaction('rw', db.citizens, async () => {
        const existing = await db.citizens.get(key);
        const t = now();
        const record: CitizenRecord = existing
          ? {
              ...parseStored(citizenRecordSchema, 'citizens', existing),
              name: name || existing.name,
              lastActivityAt: t,
            }
          : { key, cpr, name, firstSeenAt: t, lastActivityAt: t };
        await db.citizens.put(record);
      });
      return key;
    },
    async get(key: string): Promise<CitizenRecord | undefined> {
      const row = await db.citizens.get(key);
      return row && parseStored(citizenRecordSchema, 'citizens', row);
    },
  };

  const notes = {
    /** The citizen's notes, newest first. */
    async list(citizenKey: string): Promise<NoteRecord[]> {
      const rows = await db.notes
        .where('[citizenKey+createdAt]')
        .between([citizenKey, -Infinity], [citizenKey, Infinity])
        .reverse()
        .toArray();
      return rows.map((row) => parseStored(noteRecordSchema, 'notes', row));
    },
    /** Saves a new note and clears the draft it was written in, atomically. */
    async create(citizenKey: string, body: string): Promise<NoteRecord> {
      const t = now();
      const note: NoteRecord = { id: crypto.randomUUID(), citizenKey, body, createdAt: t, updatedAt: t };
      await db.transaction('rw', db.notes, db.drafts, db.citizens, async () => {
        await db.notes.add(note);
        await db.drafts.delete(draftIdForNewNote(citizenKey));
        await db.citizens.update(citizenKey, { lastActivityAt: t });
      });
      return note;
    },
    async update(id: string, body: string): Promise<NoteRecord> {
      return db.transaction('rw', db.notes, db.drafts, async () => {
        const existing = await db.notes.get(id);
        if (!existing) throw new Error('The note no longer exists');
        const note = { ...parseStored(noteRecordSchema, 'notes', existing), body, updatedAt: now() };
        await db.notes.put(note);
        await db.drafts.delete(draftIdForEdit(id));
        return note;
      });
    },
    /** Deletes a note; returns it so the caller can offer undo. */
    async remove(id: string): Promise<NoteRecord | undefined> {
      return db.transaction('rw', db.notes, db.drafts, async () => {
        const existing = await db.notes.get(id);
        await db.notes.delete(id);
        await db.drafts.delete(draftIdForEdit(id));
        return existing && parseStored(noteRecordSchema, 'notes', existing);
      });
    },
    async restore(note: NoteRecord): Promise<void> {
      await db.notes.put(noteRecordSchema.parse(note));
    },
  };

  const drafts = {
    async get(id: DraftId): Promise<DraftRecord | undefined> {
      const row = await db.drafts.get(id);
      return row && parseStored(draftRecordSchema, 'drafts', row);
    },
    /** An empty body removes the draft. */
    async save(id: DraftId, citizenKey: string, body: string): Promise<void> {
      if (body === '') await db.drafts.delete(id);
      else await db.drafts.put({ id, citizenKey, body, updatedAt: now() });
    },
    /** Ids of the citizen's notes that have an unfinished edit. */
    async editIdsFor(citizenKey: string): Promise<string[]> {
      const ids = await db.drafts.where('citizenKey').equals(citizenKey).primaryKeys();
      return ids.filter((id) => id.startsWith('edit:')).map((id) => id.slice('edit:'.length));
    },
    async discard(id: DraftId): Promise<void> {
      await db.drafts.delete(id);
    },
  };

  const templates = {
    /** Installs the default templates once, on first run; never overwrites. */
    async installDefaults(defaults: unknown[]): Promise<void> {
      await db.transaction('rw', db.templates, db.meta, async () => {
        if (await db.meta.get(DEFAULTS_META_KEY)) return;
        const t = now();
        for (const input of defaults) {
          const parsed = parseTemplate(input);
          if (!parsed.ok) throw new Error(`Default template is invalid: ${parsed.errors.join('; ')}`);
          await db.templates.put({
            id: parsed.template.id,
            template: parsed.template,
            source: 'default',
            installedAt: t,
          });
        }
        await db.meta.put({ key: DEFAULTS_META_KEY, value: t });
      });
    },
    /** Valid templates, and the stored ones that fail validation (not loaded). */
    async list(): Promise<{ templates: Template[]; broken: BrokenTemplate[] }> {
      const rows = await db.templates.toArray();
      const result: { templates: Template[]; broken: BrokenTemplate[] } = { templates: [], broken: [] };
      for (const row of rows) {
        const parsed = templateRecordSchema.safeParse(row);
        if (parsed.success) result.templates.push(parsed.data.template);
        else
          result.broken.push({
            id: String((row as { id?: unknown }).id),
            errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
          });
      }
      result.templates.sort((a, b) => a.title.localeCompare(b.title, 'da'));
      return result;
    },
    /** Imports one template from JSON text; a bad one changes nothing. */
    async import(json: string): Promise<{ ok: true; template: Template } | { ok: false; errors: string[] }> {
      let input: unknown;
      try {
        input = JSON.parse(json);
      } catch (e) {
        return { ok: false, errors: [`(file): Not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
      }
      const parsed = parseTemplate(input);
      if (!parsed.ok) return parsed;
      const record: TemplateRecord = {
        id: parsed.template.id,
        template: parsed.template,
        source: 'import',
        installedAt: now(),
      };
      await db.templates.put(record);
      return parsed;
    },
  };

  const formDrafts = {
    id: (citizenKey: string, templateId: string) => `${citizenKey}:${templateId}`,
    async get(citizenKey: string, templateId: string): Promise<FormDraftRecord | undefined> {
      const row = await db.formDrafts.get(formDrafts.id(citizenKey, templateId));
      return row && parseStored(formDraftRecordSchema, 'formDrafts', row);
    },
    async save(citizenKey: string, templateId: string, values: FormValues): Promise<void> {
      await db.formDrafts.put({
        id: formDrafts.id(citizenKey, templateId),
        citizenKey,
        templateId,
        values,
        updatedAt: now(),
      });
    },
    async discard(citizenKey: string, templateId: string): Promise<void> {
      await db.formDrafts.delete(formDrafts.id(citizenKey, templateId));
    },
    /** Template ids with a draft for this citizen. */
    async templateIdsFor(citizenKey: string): Promise<string[]> {
      const rows = await db.formDrafts.where('citizenKey').equals(citizenKey).toArray();
      return rows.map((r) => r.templateId);
    },
  };

  const history = {
    /** Records an insertion and ends the form draft, atomically. */
    async templateInserted(citizenKey: string, template: Template, target: string | null): Promise<void> {
      const entry: HistoryRecord = {
        id: crypto.randomUUID(),
        citizenKey,
        at: now(),
        kind: 'template-inserted',
        templateId: template.id,
        templateTitle: template.title,
        target,
      };
      await db.transaction('rw', db.history, db.formDrafts, db.citizens, async () => {
        await db.history.add(entry);
        await db.formDrafts.delete(formDrafts.id(citizenKey, template.id));
        await db.citizens.update(citizenKey, { lastActivityAt: entry.at });
      });
    },
    /** Newest first. */
    async list(citizenKey: string): Promise<HistoryRecord[]> {
      const rows = await db.history
        .where('[citizenKey+at]')
        .between([citizenKey, -Infinity], [citizenKey, Infinity])
        .reverse()
        .toArray();
      return rows.map((row) => parseStored(historyRecordSchema, 'history', row));
    },
  };

  return { citizenKey, citizens, notes, drafts, templates, formDrafts, history };
}

export type Repository = ReturnType<typeof createRepository>;
