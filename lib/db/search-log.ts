import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable } from 'dexie';

/**
 * The note search's tables (issue 33, ADR 0007) and the middleware that keeps
 * them true to the notes, whichever page or worker writes them.
 *
 * - `searchIndex`: per share of the note ids (lib/search/worker-search.ts), a
 *   snapshot of that share's search index, sealed with the data key
 *   (lib/search/index-snapshot.ts). Derived data: never exported or restored.
 * - `searchStale`: the change log. Every write to `notes` appends the ids it
 *   touched (random UUIDs: no citizen data), so a snapshot can be brought up
 *   to date at unlock by re-reading only the notes logged after it. Row 0 is
 *   no change but the mark up to which the log was pruned.
 *
 * Every read-write transaction that includes `notes` also includes both
 * tables, and in that same transaction a put or add of notes logs their ids,
 * and any delete of notes (by key, by range, clear) logs them and deletes
 * every snapshot: an erased or removed note's words never outlive it at rest,
 * even sealed (docs/data-protection.md). The panel, the options page, the
 * service worker (retention), erasure, import and restore all write through
 * SidevognDb, so all go through here.
 */

export const SEARCH_INDEX_TABLE = 'searchIndex';
export const SEARCH_LOG_TABLE = 'searchStale';
/** The log's row 0: how far it was pruned. */
export const PRUNED_MARK = 0;
/** A logged change to notes by range (deleteRange, clear): which ids it touched is not known. No note id is empty. */
export const ANY_NOTE = '';

/** One share's sealed snapshot (clear: its range and the last log seq it includes). */
export interface SearchIndexRow {
  /** The share's id range, as lib/search/index-store.ts rangeKey() writes it. */
  range: string;
  seq: number;
  iv: Uint8Array;
  ct: ArrayBuffer;
}

export interface SearchLogRow {
  seq?: number;
  /** A note id, or ANY_NOTE. */
  id: string;
  /** A delete: it dropped every snapshot, so each share writes its own again. */
  dropped?: true;
  /** Row PRUNED_MARK only: every row up to this seq has been pruned. */
  prunedTo?: number;
}

const EVERY_KEY = { type: 3, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } as DBCoreKeyRange;

function loggedIds(req: DBCoreMutateRequest): string[] {
  switch (req.type) {
    case 'add':
    case 'put':
      return (req.keys ?? req.values.map((value) => (value as { id: unknown }).id)).map(String);
    case 'delete':
      return req.keys.map(String);
    case 'deleteRange':
      return [ANY_NOTE];
  }
}

/** Both tables, or null while upgrading from before version 8 (they do not exist yet; nor does any snapshot). */
function searchTables(down: DBCore): { log: DBCoreTable; snapshots: DBCoreTable } | null {
  const names = down.schema.tables.map((table) => table.name);
  if (!names.includes(SEARCH_LOG_TABLE) || !names.includes(SEARCH_INDEX_TABLE)) return null;
  return { log: down.table(SEARCH_LOG_TABLE), snapshots: down.table(SEARCH_INDEX_TABLE) };
}

function loggingNotes(notes: DBCoreTable, down: DBCore): DBCoreTable {
  return {
    ...notes,
    async mutate(req) {
      const result = await notes.mutate(req);
      const tables = searchTables(down);
      if (!tables) return result;
      const { log, snapshots } = tables;
      const { trans } = req;
      const ids = loggedIds(req);
      const deleted = req.type === 'delete' || req.type === 'deleteRange';
      const values = ids.map((id): SearchLogRow => (deleted ? { id, dropped: true } : { id }));
      if (values.length > 0) await log.mutate({ type: 'add', trans, values });
      if (deleted) await snapshots.mutate({ type: 'deleteRange', trans, range: EVERY_KEY });
      return result;
    },
  };
}

/** The DBCore middleware (registered by lib/db/database.ts). */
export function logNoteWrites(down: DBCore): DBCore {
  return {
    ...down,
    transaction(stores, mode, options) {
      const widened =
        mode === 'readwrite' && stores.includes('notes') && searchTables(down)
          ? [...new Set([...stores, SEARCH_INDEX_TABLE, SEARCH_LOG_TABLE])]
          : stores;
      return down.transaction(widened, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name !== 'notes') return table;
      return loggingNotes(table, down);
    },
  };
}
