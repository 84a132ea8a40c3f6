import type { DataContext } from '../db/data-context';
import { openReadable, openRow, openRows, sealRecord, type Readable } from '../db/sealed';
import { FORM_VALUES_VERSION, type FormDraftRecord, type HistoryRecord } from '../db/records';
import type { Template } from './schema';
import type { FormValues } from './form';

/**
 * A template's form as the caseworker fills it in (one draft per citizen and
 * template), and the history of insertions into the journal, which ends it.
 */
export function createFormDraftRepository(ctx: DataContext) {
  const { db, now, key, touch } = ctx;
  const formDrafts = {
    id: (citizenKey: string, templateId: string) => `${citizenKey}:${templateId}`,
    async get(citizenKey: string, templateId: string): Promise<FormDraftRecord | undefined> {
      const dataKey = key();
      const row = await db.formDrafts.get(formDrafts.id(citizenKey, templateId));
      return row && openRow(dataKey, 'formDrafts', row);
    },
    async save(citizenKey: string, templateId: string, values: FormValues): Promise<void> {
      const t = now();
      const record: FormDraftRecord = {
        id: formDrafts.id(citizenKey, templateId),
        citizenKey,
        templateId,
        values,
        valuesVersion: FORM_VALUES_VERSION,
        updatedAt: t,
      };
      const row = await sealRecord(key(), 'formDrafts', record);
      await db.transaction('rw', db.formDrafts, db.citizens, async () => {
        await db.formDrafts.put(row);
        await touch(citizenKey, t);
      });
    },
    async discard(citizenKey: string, templateId: string): Promise<void> {
      await db.formDrafts.delete(formDrafts.id(citizenKey, templateId));
    },
    /** Template ids with a draft for this citizen. */
    async templateIdsFor(citizenKey: string): Promise<string[]> {
      // The id is `${citizenKey}:${templateId}`: nothing needs opening.
      const ids = await db.formDrafts.where('citizenKey').equals(citizenKey).primaryKeys();
      const prefix = formDrafts.id(citizenKey, '');
      return ids.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length));
    },
  };

  const historyRows = (citizenKey: string) =>
    db.history.where('[citizenKey+at]').between([citizenKey, -Infinity], [citizenKey, Infinity]).reverse().toArray();
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
      const row = await sealRecord(key(), 'history', entry);
      await db.transaction('rw', db.history, db.formDrafts, db.citizens, async () => {
        await db.history.add(row);
        await db.formDrafts.delete(formDrafts.id(citizenKey, template.id));
        await db.citizens.update(citizenKey, { lastActivityAt: entry.at });
      });
    },
    /** Newest first. */
    async list(citizenKey: string): Promise<HistoryRecord[]> {
      return openRows(key(), 'history', await historyRows(citizenKey));
    },
    /** As list, for the panel: a row that does not read is counted, not thrown, and left as stored. */
    async readable(citizenKey: string): Promise<Readable<HistoryRecord>> {
      return openReadable(key(), 'history', await historyRows(citizenKey));
    },
  };

  return { formDrafts, history };
}

export type FormDraftRepository = ReturnType<typeof createFormDraftRepository>;
