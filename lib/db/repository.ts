import Dexie from 'dexie';
import { DEFAULT_PACK_VERSION, isOlderThanShipped } from '../packs/default-pack-version';
import { LockedError, session, type KeySource } from '../crypto/session';
import { META_KEYS, openSecret, sealSecret } from './keyring-store';
import { openRow, openRows, sealRecord, type RecordOf } from './sealed';
import { countCitizenData, eraseAllCitizenData, eraseCitizens } from './privacy';
import { deriveCitizenKey, importCitizenKeySecret, newCitizenKeySecret } from './citizen-key';
import type { SidevognDb } from './database';
import {
  FORM_VALUES_VERSION,
  StoredDataError,
  parseStored,
  noteRecordSchema,
  sealedRowSchemas,
  type CitizenRecord,
  type DraftRecord,
  type FormDraftRecord,
  type HistoryRecord,
  type NoteRecord,
  type ChecklistItemState,
  type ChecklistRunRecord,
  type SealedTableName,
} from './records';
import type { BackupSecret } from '../backup/backup';
import type { Checklist } from '../checklists/schema';
import type { Template } from '../templates/schema';
import type { ConfigRepository } from './config-repository';
import type { FormValues } from '../templates/form';
import { CITIZEN_FIELD_IDS, type CitizenFieldId } from '../host/citizen-fields';
import {
  deadlineRecordSchema,
  summaryRecordSchema,
  type Contact,
  type DeadlineRecord,
  type SummaryRecord,
  type SummaryTextField,
} from './records';

/** The history's template id for a summary inserted as a handover note. */
export const HANDOVER_TEMPLATE_ID = 'sidevogn.handover';

/** One citizen in the caseworker's caseload list. */
export interface CaseloadEntry {
  key: string;
  name: string;
  cpr: string;
  lastActivityAt: number;
  nextDeadline: { due: string; title: string } | null;
  overdue: number;
}

/**
 * All reads and writes of citizen data, so nothing else touches the tables.
 * Citizen records are sealed under the data key (./sealed): callers get plain
 * records, and while Sidevogn is locked every citizen read or write throws
 * LockedError (the UI shows the lock screen). Templates, packs, adapters and
 * signing keys are not citizen data and stay readable while locked.
 *
 * Sealing and opening are WebCrypto calls, which do not keep an IndexedDB
 * transaction alive: records are sealed before a transaction where possible,
 * and a read-change-write inside one waits through Dexie.waitFor.
 */

const SECRET_META_KEY = META_KEYS.citizenKeySecret;

export type DraftId = `new:${string}` | `edit:${string}`;

export const draftIdForNewNote = (citizenKey: string): DraftId => `new:${citizenKey}`;
export const draftIdForEdit = (noteId: string): DraftId => `edit:${noteId}`;

export { StoredDataError, LockedError };
export type { BrokenTemplate, InstalledPack, PackPreview } from './config-repository';

/**
 * One group of the config repository (./config-repository) behind a stand-in
 * whose methods load that module on their first call (all of them are async),
 * so a panel that only shows a citizen never loads the template, pack and
 * adapter code and schemas. `own` methods are answered here without loading it.
 * Once loaded, calls go straight through; the first call waits through
 * Promise.resolve(), which keeps a liveQuery's zone (Dexie's rule for other
 * async APIs in a querier), so its reads are still observed.
 */
function lazyGroup<G extends keyof ConfigRepository, Own extends object = object>(
  config: { loaded(): ConfigRepository | undefined; load(): Promise<ConfigRepository> },
  group: G,
  own?: Own,
): Omit<ConfigRepository[G], keyof Own> & Own {
  type Method = (...args: unknown[]) => unknown;
  const method = (repository: ConfigRepository, name: string) => (repository[group] as Record<string, Method>)[name]!;
  return new Proxy((own ?? {}) as object, {
    get(target, name) {
      if (name in target) return (target as Record<PropertyKey, unknown>)[name];
      // Not a thenable, and nothing else a caller may probe for.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => {
        const loaded = config.loaded();
        if (loaded) return method(loaded, name)(...args);
        return Promise.resolve(config.load()).then((repository) => method(repository, name)(...args));
      };
    },
  }) as Omit<ConfigRepository[G], keyof Own> & Own;
}

/** Where a page of notes ends: the oldest note shown (its clear index fields). */
export interface NoteCursor {
  createdAt: number;
  id: string;
}
/**
 * Notes the notes tab reads and decrypts when a citizen is opened: a few
 * screens of the narrow panel, and opening a citizen with 1,000 notes reads
 * only these (issue 6). Reading the rows is most of the cost, and its tail
 * grows with their number: 50 rows took 12.4 ms at p95 on the benchmark VM,
 * 30 took 7.9 and 20 took 6.3, against the goal of 10 ms (issue 7).
 */
export const NOTES_FIRST_PAGE = 25;
/** Notes each "show older notes" adds: the caseworker asked for them, so a longer read is fine. */
export const NOTES_PAGE_SIZE = 50;
export type NoteWindowSize = { newest: number } | { through: NoteCursor };
/**
 * Notes as the notes tab shows them, newest first, and whether older ones are
 * not shown (how many: notes.olderCount, a query of its own, because counting
 * a citizen's index entries costs more than reading the page: 13 ms against
 * 2 ms at 1,000 notes, `npm run bench`).
 */
export interface NotePage {
  notes: NoteRecord[];
  hasOlder: boolean;
}

/** True when `row` sorts after `cursor` in newest-first order (older, or as old with a lower id). */
const isBefore = (row: NoteCursor, cursor: NoteCursor) =>
  row.createdAt < cursor.createdAt || (row.createdAt === cursor.createdAt && row.id < cursor.id);

export function createRepository(db: SidevognDb, now: () => number = Date.now, keys: KeySource = session) {
  let configLoading: Promise<ConfigRepository> | undefined;
  let configLoaded: ConfigRepository | undefined;
  const config = {
    loaded: () => configLoaded,
    load: () =>
      (configLoading ??= import('./config-repository').then(
        (m) => (configLoaded = m.createConfigRepository(db, now)),
        (error: unknown) => {
          configLoading = undefined; // the next call tries again
          throw error;
        },
      )),
  };
  const packs = lazyGroup(config, 'packs', {
    /**
     * Installs the default pack on first run, and the shipped default version
     * when it is newer than the one installed; `load` is asked for it only then.
     */
    async installDefault(load: () => Promise<unknown>, shipped = DEFAULT_PACK_VERSION): Promise<void> {
      if (await db.meta.get(META_KEYS.defaultPackInstalled)) {
        const installed = (await db.meta.get(META_KEYS.defaultPackVersion))?.value;
        if (!isOlderThanShipped(typeof installed === 'string' ? installed : '1.0.0', shipped)) return;
      }
      const [configRepository, pack] = await Promise.all([config.load(), load()]);
      await configRepository.packs.installDefault(pack);
    },
  });

  /** The data key, or LockedError. */
  const key = (): CryptoKey => {
    const current = keys.current();
    if (current === null) throw new LockedError();
    return current;
  };
  const waitFor = <T>(promise: Promise<T>) => Dexie.waitFor(promise);

  // The secret is cached with the key it was opened with, so it is forgotten with
  // the key, and so are the citizen keys derived with it (one per CPR asked for).
  let secret: { key: CryptoKey; value: Promise<CryptoKey>; derived: Map<string, Promise<string>> } | undefined;

  async function loadSecret(dataKey: CryptoKey): Promise<Uint8Array> {
    const row = await db.meta.get(SECRET_META_KEY);
    if (row) return openSecret(dataKey, row.value);
    const fresh = newCitizenKeySecret();
    const sealed = await sealSecret(dataKey, fresh);
    return db.transaction('rw', db.meta, async () => {
      const raced = await db.meta.get(SECRET_META_KEY);
      if (raced) return waitFor(openSecret(dataKey, raced.value));
      await db.meta.put({ key: SECRET_META_KEY, value: sealed });
      return fresh;
    });
  }

  /**
   * The caseworker wrote something for this citizen: retention counts days
   * without activity from here (lib/db/privacy.ts). Opening a citizen is not
   * activity, so only writing keeps the data. Call inside a transaction that
   * includes db.citizens.
   */
  const touch = (citizenKey: string, t: number) => db.citizens.update(citizenKey, { lastActivityAt: t });

  /** The secret the citizen keys are derived with, ready to sign with. */
  function citizenKeySecret(): NonNullable<typeof secret> {
    const dataKey = key();
    if (secret?.key !== dataKey) {
      const value = loadSecret(dataKey).then(importCitizenKeySecret);
      secret = { key: dataKey, value, derived: new Map() };
      value.catch(() => {
        if (secret?.value === value) secret = undefined;
      });
    }
    return secret;
  }

  /** Derived once per CPR: the panel's start and the citizen's opening both ask for it. */
  async function citizenKey(canonicalCpr: string): Promise<string> {
    const { value, derived } = citizenKeySecret();
    let ckey = derived.get(canonicalCpr);
    if (!ckey) {
      ckey = value.then((hmac) => deriveCitizenKey(hmac, canonicalCpr));
      derived.set(canonicalCpr, ckey);
      ckey.catch(() => derived.delete(canonicalCpr));
    }
    return ckey;
  }

  const citizens = {
    /** Loads what citizen keys are derived with ahead of the first citizen (the panel's start). */
    prepare(): void {
      if (keys.current() !== null) citizenKeySecret().value.catch(() => undefined);
    },
    /** Records that the caseworker has this citizen open; returns the key. */
    async open(cpr: string, name: string): Promise<string> {
      const dataKey = key();
      const ckey = await citizenKey(cpr);
      // Usually the citizen is known by this name: a read, and no write
      // transaction for the panel's first reads to queue behind.
      const known = await db.citizens.get(ckey);
      if (known && (!name || name === (await openRow(dataKey, 'citizens', known)).name)) return ckey;
      await db.transaction('rw', db.citizens, async () => {
        const existing = await db.citizens.get(ckey);
        if (existing) {
          const record = await waitFor(openRow(dataKey, 'citizens', existing));
          // Usually nothing changes, and nothing is written.
          if (name && name !== record.name)
            await db.citizens.put(await waitFor(sealRecord(dataKey, 'citizens', { ...record, name })));
        } else {
          const t = now();
          const record: CitizenRecord = { key: ckey, cpr, name, firstSeenAt: t, lastActivityAt: t };
          await db.citizens.put(await waitFor(sealRecord(dataKey, 'citizens', record)));
        }
      });
      return ckey;
    },
    async get(citizenKey: string): Promise<CitizenRecord | undefined> {
      const dataKey = key();
      const row = await db.citizens.get(citizenKey);
      return row && openRow(dataKey, 'citizens', row);
    },
  };

  /** The citizen's notes in the panel's order: createdAt descending, then id descending (the index's own order). */
  const citizenNotes = (citizenKey: string, from = -Infinity, to = Infinity) =>
    db.notes.where('[citizenKey+createdAt]').between([citizenKey, from], [citizenKey, to], true, true).reverse();

  const notes = {
    /** The citizen's notes, newest first (every one of them: export, erasure; the panel pages). */
    async list(citizenKey: string): Promise<NoteRecord[]> {
      const dataKey = key();
      return openRows(dataKey, 'notes', await citizenNotes(citizenKey).toArray());
    },
    /**
     * What the notes tab shows: the newest `newest` notes, or every note from
     * the newest down to and including the cursor (so a page loaded once stays
     * put while notes are added above it). Only those rows are read and
     * decrypted; `older` counts the notes below, from the index alone.
     */
    async window(citizenKey: string, size: NoteWindowSize): Promise<NotePage> {
      const dataKey = key();
      // One row past the window, read but not opened, tells whether older ones exist.
      const rows =
        'newest' in size
          ? await citizenNotes(citizenKey)
              .limit(size.newest + 1)
              .toArray()
          : await citizenNotes(citizenKey)
              .until((row) => isBefore(row, size.through), true)
              .toArray();
      const beyond =
        'newest' in size ? rows.length > size.newest : !!rows.at(-1) && isBefore(rows.at(-1)!, size.through);
      return { notes: await openRows(dataKey, 'notes', beyond ? rows.slice(0, -1) : rows), hasOlder: beyond };
    },
    /** How many of the citizen's notes are older than `below` (from the index alone). */
    async olderCount(citizenKey: string, below: NoteCursor): Promise<number> {
      key();
      const index = db.notes.where('[citizenKey+createdAt]');
      const [earlier, sameTime] = await Promise.all([
        index.between([citizenKey, -Infinity], [citizenKey, below.createdAt], true, false).count(),
        index.equals([citizenKey, below.createdAt]).primaryKeys(),
      ]);
      return earlier + sameTime.filter((id) => id < below.id).length;
    },
    /**
     * The cursor `count` notes below `from` (or the oldest note, if fewer are
     * left): where the window ends after "show older notes". Reads only the
     * clear index fields; null when nothing is older.
     */
    async cursorBelow(citizenKey: string, from: NoteCursor, count: number): Promise<NoteCursor | null> {
      key();
      let last: NoteCursor | null = null;
      let seen = 0;
      await citizenNotes(citizenKey, -Infinity, from.createdAt)
        .until(() => seen >= count)
        .each((row) => {
          if (!isBefore(row, from)) return;
          seen++;
          last = { createdAt: row.createdAt, id: row.id };
        });
      return last;
    },
    /** Notes by id (search results), in the order asked; undefined where a note is gone. */
    async byIds(ids: readonly string[]): Promise<(NoteRecord | undefined)[]> {
      const dataKey = key();
      const rows = await db.notes.bulkGet([...ids]);
      return Promise.all(rows.map((row) => row && openRow(dataKey, 'notes', row)));
    },
    /** Saves a new note and clears the draft it was written in, atomically. */
    async create(citizenKey: string, body: string): Promise<NoteRecord> {
      const t = now();
      const note: NoteRecord = { id: crypto.randomUUID(), citizenKey, body, createdAt: t, updatedAt: t };
      const row = await sealRecord(key(), 'notes', note);
      await db.transaction('rw', db.notes, db.drafts, db.citizens, async () => {
        await db.notes.add(row);
        await db.drafts.delete(draftIdForNewNote(citizenKey));
        await db.citizens.update(citizenKey, { lastActivityAt: t });
      });
      return note;
    },
    async update(id: string, body: string): Promise<NoteRecord> {
      const dataKey = key();
      return db.transaction('rw', db.notes, db.drafts, db.citizens, async () => {
        const existing = await db.notes.get(id);
        if (!existing) throw new Error('The note no longer exists');
        const note = { ...(await waitFor(openRow(dataKey, 'notes', existing))), body, updatedAt: now() };
        await db.notes.put(await waitFor(sealRecord(dataKey, 'notes', note)));
        await db.drafts.delete(draftIdForEdit(id));
        await touch(note.citizenKey, note.updatedAt);
        return note;
      });
    },
    /** Deletes a note; returns it so the caller can offer undo. */
    async remove(id: string): Promise<NoteRecord | undefined> {
      const dataKey = key();
      const existing = await db.transaction('rw', db.notes, db.drafts, db.citizens, async () => {
        const row = await db.notes.get(id);
        await db.notes.delete(id);
        await db.drafts.delete(draftIdForEdit(id));
        if (row) await touch(row.citizenKey, now());
        return row;
      });
      return existing && openRow(dataKey, 'notes', existing);
    },
    async restore(note: NoteRecord): Promise<void> {
      const parsed = noteRecordSchema.parse(note);
      const row = await sealRecord(key(), 'notes', parsed);
      await db.transaction('rw', db.notes, db.citizens, async () => {
        await db.notes.put(row);
        await touch(parsed.citizenKey, now());
      });
    },
  };

  const drafts = {
    async get(id: DraftId): Promise<DraftRecord | undefined> {
      const dataKey = key();
      const row = await db.drafts.get(id);
      return row && openRow(dataKey, 'drafts', row);
    },
    /** An empty body removes the draft. */
    async save(id: DraftId, citizenKey: string, body: string): Promise<void> {
      const t = now();
      const dataKey = key();
      const row = body === '' ? null : await sealRecord(dataKey, 'drafts', { id, citizenKey, body, updatedAt: t });
      await db.transaction('rw', db.drafts, db.citizens, async () => {
        if (row === null) await db.drafts.delete(id);
        else await db.drafts.put(row);
        await touch(citizenKey, t);
      });
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

  const checklistRuns = {
    /** The citizen's runs, newest first. */
    async list(citizenKey: string): Promise<ChecklistRunRecord[]> {
      const dataKey = key();
      const rows = await db.checklistRuns.where('citizenKey').equals(citizenKey).toArray();
      return (await openRows(dataKey, 'checklistRuns', rows)).sort((a, b) => b.startedAt - a.startedAt);
    },
    async start(
      citizenKey: string,
      checklist: { id: string; packId: string; packVersion: string },
    ): Promise<ChecklistRunRecord> {
      const run: ChecklistRunRecord = {
        id: crypto.randomUUID(),
        citizenKey,
        packId: checklist.packId,
        packVersion: checklist.packVersion,
        checklistId: checklist.id,
        startedAt: now(),
        finishedAt: null,
        items: {},
      };
      const row = await sealRecord(key(), 'checklistRuns', run);
      await db.transaction('rw', db.checklistRuns, db.citizens, async () => {
        await db.checklistRuns.add(row);
        await touch(citizenKey, run.startedAt);
      });
      return run;
    },
    /** Ticks an item, marks it not relevant (with a reason), or clears it. */
    async setItem(runId: string, itemId: string, state: Omit<ChecklistItemState, 'at'> | null): Promise<void> {
      const dataKey = key();
      await db.transaction('rw', db.checklistRuns, db.citizens, async () => {
        const row = await db.checklistRuns.get(runId);
        if (!row) throw new Error('The checklist no longer exists');
        const run = await waitFor(openRow(dataKey, 'checklistRuns', row));
        const items = { ...run.items };
        const t = now();
        if (state) items[itemId] = { ...state, at: t };
        else delete items[itemId];
        await db.checklistRuns.put(await waitFor(sealRecord(dataKey, 'checklistRuns', { ...run, items })));
        await touch(run.citizenKey, t);
      });
    },
    async finish(runId: string): Promise<void> {
      const dataKey = key();
      await db.transaction('rw', db.checklistRuns, db.citizens, async () => {
        const t = now();
        const row = await db.checklistRuns.get(runId);
        if (!row) return;
        const run = await waitFor(openRow(dataKey, 'checklistRuns', row));
        await db.checklistRuns.put(await waitFor(sealRecord(dataKey, 'checklistRuns', { ...run, finishedAt: t })));
        await touch(row.citizenKey, t);
      });
    },
    /** The checklist of a run, from the pack version the run began with. */
    async checklistOf(run: ChecklistRunRecord): Promise<Checklist | undefined> {
      return (await packs.version(run.packId, run.packVersion))?.checklists.find((c) => c.id === run.checklistId);
    },
  };

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
      const dataKey = key();
      const rows = await db.history
        .where('[citizenKey+at]')
        .between([citizenKey, -Infinity], [citizenKey, Infinity])
        .reverse()
        .toArray();
      return openRows(dataKey, 'history', rows);
    },
  };

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

  const deadlines = {
    /** The citizen's deadlines, open ones first, each group by due day. */
    async list(citizenKey: string): Promise<DeadlineRecord[]> {
      const dataKey = key();
      const rows = await db.deadlines.where('citizenKey').equals(citizenKey).toArray();
      return (await openRows(dataKey, 'deadlines', rows)).sort(
        (a, b) => Number(a.doneAt !== null) - Number(b.doneAt !== null) || a.due.localeCompare(b.due),
      );
    },
    async add(citizenKey: string, title: string, due: string): Promise<DeadlineRecord> {
      const record = deadlineRecordSchema.parse({
        id: crypto.randomUUID(),
        citizenKey,
        title,
        due,
        createdAt: now(),
        doneAt: null,
      });
      const row = await sealRecord(key(), 'deadlines', record);
      await db.transaction('rw', db.deadlines, db.citizens, async () => {
        await db.deadlines.add(row);
        await touch(citizenKey, record.createdAt);
      });
      return record;
    },
    async setDone(id: string, done: boolean): Promise<void> {
      key(); // doneAt is a clear field (the service worker reads it while locked), but the caseworker must be unlocked.
      await db.transaction('rw', db.deadlines, db.citizens, async () => {
        const t = now();
        const row = await db.deadlines.get(id);
        await db.deadlines.update(id, { doneAt: done ? t : null });
        if (row) await touch(row.citizenKey, t);
      });
    },
    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.deadlines, db.citizens, async () => {
        const row = await db.deadlines.get(id);
        await db.deadlines.delete(id);
        if (row) await touch(row.citizenKey, now());
      });
    },
    /** Due days of all open deadlines (what the service worker schedules alarms from). */
    async openDueDays(): Promise<string[]> {
      // Works while locked: only clear fields are read, nothing is opened.
      const rows = await db.deadlines.orderBy('due').toArray();
      return rows
        .map((row) => parseStored(sealedRowSchemas.deadlines, 'deadlines', row))
        .flatMap((d) => (d.doneAt === null ? [d.due] : []));
    },
  };

  /**
   * Rows opened a hundred at a time, one task each: the options page opens the
   * whole caseload at unlock, and hundreds of citizens opened at once were one
   * task of 50 ms and more on the page's thread (tests/bench/search-ready.mjs).
   */
  async function openInTasks<T extends SealedTableName>(dataKey: CryptoKey, table: T, rows: readonly unknown[]) {
    const opened: RecordOf<T>[] = [];
    for (let i = 0; i < rows.length; i += 100) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
      opened.push(...(await openRows(dataKey, table, rows.slice(i, i + 100))));
    }
    return opened;
  }

  const caseload = {
    /** Every citizen the caseworker has opened, with their next open deadline; soonest deadline first. */
    async list(today: string): Promise<CaseloadEntry[]> {
      const dataKey = key();
      const [citizenRows, deadlineRows] = await Promise.all([
        db.citizens.toArray(),
        db.deadlines.orderBy('due').toArray(),
      ]);
      const [citizenRecords, openDeadlines] = await Promise.all([
        openInTasks(dataKey, 'citizens', citizenRows),
        openInTasks(
          dataKey,
          'deadlines',
          deadlineRows.filter((row) => row.doneAt === null),
        ),
      ]);
      const next = new Map<string, { due: string; title: string }>();
      const overdue = new Map<string, number>();
      for (const d of openDeadlines) {
        if (!next.has(d.citizenKey)) next.set(d.citizenKey, { due: d.due, title: d.title });
        if (d.due < today) overdue.set(d.citizenKey, (overdue.get(d.citizenKey) ?? 0) + 1);
      }
      return citizenRecords
        .map((c) => ({
          key: c.key,
          name: c.name,
          cpr: c.cpr,
          lastActivityAt: c.lastActivityAt,
          nextDeadline: next.get(c.key) ?? null,
          overdue: overdue.get(c.key) ?? 0,
        }))
        .sort(
          (a, b) =>
            (a.nextDeadline?.due ?? '9999').localeCompare(b.nextDeadline?.due ?? '9999') ||
            a.name.localeCompare(b.name, 'da'),
        );
    },
  };

  /** Counting and erasing a citizen's data by the clear indexes (./privacy); reading is the groups above. */
  const privacy = {
    count: (citizenKey: string) => countCitizenData(db, citizenKey),
    erase: (citizenKey: string) => eraseCitizens(db, [citizenKey]),
    eraseAll: () => eraseAllCitizenData(db),
    citizenKeys: async () => (await db.citizens.toCollection().primaryKeys()) as string[],
    /** An encrypted backup of all citizen data (lib/backup/backup.ts). */
    exportBackup: async () => (await import('../backup/backup')).createBackup(db, keys, now()),
    /** Merges a backup file, re-keyed and re-sealed for this installation, in one transaction. */
    importBackup: async (text: string, secret: BackupSecret) =>
      (await import('../backup/backup')).importBackup(db, keys, citizenKey, text, secret),
  };

  return {
    ...{ citizenKey, citizens, notes, drafts, formDrafts, history, checklistRuns, summaries, deadlines, caseload },
    ...{ packs, privacy },
    /** Loads what templates, packs and adapters need ahead of their first use. */
    preloadConfig: () => void config.load().catch(() => undefined),
    templates: lazyGroup(config, 'templates'),
    adapters: lazyGroup(config, 'adapters'),
    packDrafts: lazyGroup(config, 'packDrafts'),
    signingKeys: lazyGroup(config, 'signingKeys'),
  };
}

export type Repository = ReturnType<typeof createRepository>;
