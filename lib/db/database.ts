import Dexie, { type DBCore, type EntityTable, type Table } from 'dexie';
import { noteTransactionAborted, noteTransactionCommitted } from './storage-errors';
import { logNoteWrites, type SearchIndexRow, type SearchLogRow } from './search-log';
import { beforeCreate, checkOpened, lockIfVanished } from './vanished-database';
import type {
  AdapterRecord,
  PackDraftRecord,
  PackStateRecord,
  PackVersionRecord,
  SigningKeyRecord,
  TemplateRecord,
} from '../packs/config-records';
import type {
  DeadlineRow,
  SummaryRow,
  ChecklistRunRow,
  CitizenRow,
  DraftRow,
  FormDraftRow,
  HistoryRow,
  MetaRecord,
  NoteRow,
} from './records';
import type { UsageRecord } from '../usage/schema';

export const DB_NAME = 'sidevogn';

/**
 * The one IndexedDB database, opened only in extension pages (panel, options),
 * never in a content script, where it would belong to the host page's origin.
 * Every table is declared here; reads and writes go through the domain
 * repositories (lib/<domain>/*-repository.ts, over ./data-context).
 * Citizen tables hold sealed rows (./sealed): only keys and index fields in clear.
 */
export class SidevognDb extends Dexie {
  meta!: EntityTable<MetaRecord, 'key'>;
  citizens!: EntityTable<CitizenRow, 'key'>;
  notes!: EntityTable<NoteRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  templates!: EntityTable<TemplateRecord, 'id'>;
  formDrafts!: EntityTable<FormDraftRow, 'id'>;
  history!: EntityTable<HistoryRow, 'id'>;
  packs!: Table<PackVersionRecord, [string, string]>;
  packState!: EntityTable<PackStateRecord, 'id'>;
  checklistRuns!: EntityTable<ChecklistRunRow, 'id'>;
  summaries!: EntityTable<SummaryRow, 'citizenKey'>;
  deadlines!: EntityTable<DeadlineRow, 'id'>;
  adapters!: EntityTable<AdapterRecord, 'id'>;
  packDrafts!: EntityTable<PackDraftRecord, 'id'>;
  signingKeys!: EntityTable<SigningKeyRecord, 'id'>;
  usage!: EntityTable<UsageRecord, 'id'>;
  searchIndex!: EntityTable<SearchIndexRow, 'range'>;
  searchStale!: EntityTable<SearchLogRow, 'seq'>;
  /** This open created the database (Dexie's `populate`); read in its `ready`. */
  private created = false;

  constructor(name = DB_NAME) {
    // Chrome made 'relaxed' the default; a caseworker's typing must reach disk.
    super(name, { chromeTransactionDurability: 'strict' });
    // The whole schema, as one version: Dexie (3.0 on) upgrades a database of
    // any earlier version from the one declaration, and keeps earlier versions
    // only for an upgrade function, which none of ours has. Declaring all of them
    // made each construction (every panel start) about ten times as long
    // (tests/bench). lib/db/database-upgrade.test.ts opens a database of every
    // earlier version.
    // 1: meta, citizens, notes, drafts. 2: templates, formDrafts, history.
    // 3: summaries, deadlines, adapters (issue 5). 4: packs, packState,
    // checklistRuns. 5: packDrafts, signingKeys (issue 4). 6: no new table or
    // index, but encryption at rest (issue 6): records take the sealed shape
    // when the caseworker sets a passphrase (./keyring-store: the upgrade itself
    // has no key), in one transaction with the keyring. 7: usage (issue 32):
    // counts of template and checklist use, no citizen data (lib/usage), by day.
    // 8: searchIndex, searchStale (issue 33, ADR 0007): the note search's sealed
    // snapshots and the log of changed note ids (./search-log), no clear citizen data.
    this.version(8).stores({
      meta: 'key',
      citizens: 'key, lastActivityAt',
      notes: 'id, [citizenKey+createdAt]',
      drafts: 'id, citizenKey',
      templates: 'id',
      formDrafts: 'id, citizenKey',
      history: 'id, [citizenKey+at]',
      summaries: 'citizenKey',
      deadlines: 'id, citizenKey, due',
      adapters: 'id',
      packs: '[id+version], id',
      packState: 'id',
      checklistRuns: 'id, citizenKey',
      packDrafts: 'id',
      signingKeys: 'id',
      usage: 'id, day',
      searchIndex: 'range, seq',
      searchStale: '++seq',
    });
    // Opened empty under an unlocked session: the database vanished under it (./vanished-database).
    // Dexie holds every queued read and write until the (sticky) ready handler settles.
    this.on('populate', () => {
      beforeCreate();
      this.created = true;
    });
    this.on(
      'ready',
      (vip: Dexie) => {
        const created = this.created;
        this.created = false;
        return checkOpened((vip as SidevognDb).meta, created);
      },
      true,
    );
    this.use({ stack: 'dbcore', name: 'sidevogn:transaction-outcome', create: watchTransactionOutcomes });
    this.use({ stack: 'dbcore', name: 'sidevogn:search-log', create: logNoteWrites });
  }

  /**
   * Dexie closes the database for good when an (automatic) open fails: every
   * later read and write rejects with DatabaseClosedError until someone calls
   * open() again. An open fails for passing reasons too: a full disk (Chromium
   * closes the connection when a commit finds no space, and cannot open it
   * again until there is room). So a failed open leaves the next operation
   * free to try again, and "Prøv igen" works once the caseworker has made
   * room, without reloading the page. A database closed on purpose (close())
   * stays closed. One found vanished under an unlocked session also ends the
   * session (./vanished-database).
   */
  override open() {
    return super.open().catch((error: unknown) => {
      this.created = false; // An open that failed after `populate` created nothing.
      if (!this.hasBeenClosed()) this.close({ disableAutoOpen: false });
      lockIfVanished(error);
      throw error;
    });
  }
}

/**
 * Tells ./storage-errors how each transaction ended: an abort with the
 * transaction's own error (the full-disk report is there, not always on the
 * error a save's promise rejects with), a write that committed.
 */
function watchTransactionOutcomes(down: DBCore): DBCore {
  return {
    ...down,
    transaction(stores, mode, options) {
      const tx = down.transaction(stores, mode, options);
      if (tx instanceof EventTarget) {
        const idb = tx as IDBTransaction;
        idb.addEventListener('abort', () => noteTransactionAborted(transactionError(idb)));
        if (mode === 'readwrite') idb.addEventListener('complete', () => noteTransactionCommitted());
      }
      return tx;
    },
    table(name) {
      const table = down.table(name);
      // A request failed: its transaction's error may already say why (a full disk) before the abort event,
      // and the error the request rejects with (a bare AbortError) does not.
      const noted =
        <Req extends { trans: unknown }, Res>(op: (req: Req) => Promise<Res>) =>
        (req: Req) =>
          op(req).catch((error: unknown) => {
            if (req.trans instanceof EventTarget) noteTransactionAborted(transactionError(req.trans as IDBTransaction));
            throw error;
          });
      return {
        ...table,
        mutate: noted(table.mutate.bind(table)),
        get: noted(table.get.bind(table)),
        getMany: noted(table.getMany.bind(table)),
        query: noted(table.query.bind(table)),
        openCursor: noted(table.openCursor.bind(table)),
        count: noted(table.count.bind(table)),
      };
    },
  };
}

function transactionError(tx: IDBTransaction): DOMException | null {
  try {
    return tx.error;
  } catch {
    return null; // Older engines throw while the transaction is still running.
  }
}
