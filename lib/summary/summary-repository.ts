import type { DataContext } from '../db/data-context';
import { openRow, sealRecord } from '../db/sealed';
import {
  summaryRecordSchema,
  type Contact,
  type HistoryRecord,
  type SummaryRecord,
  type SummaryTextField,
} from '../db/records';
import { CITIZEN_FIELD_IDS, type CitizenFieldId } from '../host/citizen-fields';

/** The history's template id for a summary inserted as a handover note. */
export const HANDOVER_TEMPLATE_ID = 'sidevogn.handover';

/** The citizen's summary: the caseworker's text and contacts, and the facts the case system shows. */
export function createSummaryRepository(ctx: DataContext) {
  const { db, now, key, waitFor, touch } = ctx;

  const emptySummary = (citizenKey: string): SummaryRecord => ({
    citizenKey,
    text: {},
    hostFacts: {},
    ownFacts: {},
    contacts: [],
  });

  /** Reads, changes and writes one summary in a transaction; returns the new record. */
  async function changeSummary(
    citizenKey: string,
    change: (s: SummaryRecord, t: number) => SummaryRecord | undefined,
    /** What the case system shows is not the caseworker writing (no retention activity). */
    byCaseworker = true,
  ): Promise<SummaryRecord> {
    const dataKey = key();
    return db.transaction('rw', db.summaries, db.citizens, async () => {
      const row = await db.summaries.get(citizenKey);
      const current = row ? await waitFor(openRow(dataKey, 'summaries', row)) : emptySummary(citizenKey);
      const t = now();
      const next = change(current, t);
      if (!next) return current;
      await db.summaries.put(await waitFor(sealRecord(dataKey, 'summaries', summaryRecordSchema.parse(next))));
      if (byCaseworker) await touch(citizenKey, t);
      return next;
    });
  }

  const summaries = {
    async get(citizenKey: string): Promise<SummaryRecord> {
      const dataKey = key();
      const row = await db.summaries.get(citizenKey);
      return row ? openRow(dataKey, 'summaries', row) : emptySummary(citizenKey);
    },
    /** The caseworker's text for one field; '' clears it. */
    async setText(citizenKey: string, field: SummaryTextField, value: string): Promise<void> {
      await changeSummary(citizenKey, (s, at) => {
        if ((s.text[field]?.value ?? '') === value) return undefined;
        const text = { ...s.text };
        if (value === '') delete text[field];
        else text[field] = { value, at };
        return { ...s, text };
      });
    },
    /** The caseworker's own value for a fact the case system shows; '' removes it. */
    async setOwnFact(citizenKey: string, fact: CitizenFieldId, value: string): Promise<void> {
      await changeSummary(citizenKey, (s, at) => {
        const ownFacts = { ...s.ownFacts };
        if (value.trim() === '') delete ownFacts[fact];
        else ownFacts[fact] = { value: value.trim(), at };
        return { ...s, ownFacts };
      });
    },
    /**
     * What the case system shows now. Only real changes are written, so `at`
     * is when the value last changed there (as far as Sidevogn saw).
     */
    async observeHostFacts(citizenKey: string, facts: Partial<Record<CitizenFieldId, string>>): Promise<void> {
      const observe = (s: SummaryRecord, at: number) => {
        let changed = false;
        const hostFacts = { ...s.hostFacts };
        for (const id of CITIZEN_FIELD_IDS) {
          const value = facts[id];
          if (value === hostFacts[id]?.value) continue;
          changed = true;
          if (value === undefined) delete hostFacts[id];
          else hostFacts[id] = { value, at };
        }
        return changed ? { ...s, hostFacts } : undefined;
      };
      // On most page loads the page shows what it showed last time: read, and
      // write (in a transaction that checks again) only when something changed.
      if (!observe(await summaries.get(citizenKey), now())) return;
      await changeSummary(citizenKey, observe, false);
    },
    async saveContact(citizenKey: string, contact: Omit<Contact, 'id' | 'at'> & { id?: string }): Promise<void> {
      await changeSummary(citizenKey, (s, at) => {
        const record: Contact = { ...contact, id: contact.id ?? crypto.randomUUID(), at };
        const exists = s.contacts.some((c) => c.id === record.id);
        return {
          ...s,
          contacts: exists ? s.contacts.map((c) => (c.id === record.id ? record : c)) : [...s.contacts, record],
        };
      });
    },
    async removeContact(citizenKey: string, contactId: string): Promise<void> {
      await changeSummary(citizenKey, (s) => ({ ...s, contacts: s.contacts.filter((c) => c.id !== contactId) }));
    },
    /** Records that the summary went into the journal as a handover note (the history, not the text). */
    async handoverInserted(citizenKey: string, title: string, target: string | null): Promise<void> {
      const entry: HistoryRecord = {
        id: crypto.randomUUID(),
        citizenKey,
        at: now(),
        kind: 'template-inserted',
        templateId: HANDOVER_TEMPLATE_ID,
        templateTitle: title,
        target,
      };
      const row = await sealRecord(key(), 'history', entry);
      await db.transaction('rw', db.history, db.citizens, async () => {
        await db.history.add(row);
        await db.citizens.update(citizenKey, { lastActivityAt: entry.at });
      });
    },
  };

  return summaries;
}

export type SummaryRepository = ReturnType<typeof createSummaryRepository>;
