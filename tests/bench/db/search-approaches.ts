import type { SidevognDb } from '../../../lib/db/database';
import { normaliseText, queryTerms, type SearchResult } from '../../../lib/search/note-search';
import { matchesAllTerms } from '../../unit/match-all-terms';
import type { NoteRecord } from '../../../lib/db/records';
import { openRows } from '../../../lib/db/sealed';

/**
 * The search approaches the chosen one (lib/search/note-search.ts, an inverted
 * index in memory) was measured against. Same matching rules, same results.
 */

export interface SearchApproach {
  search(query: string, limit?: number): Promise<SearchResult>;
}

const PAGE = 1000;

/** Every note, opened (notes are sealed at rest: a scan decrypts each one). */
async function eachPage(db: SidevognDb, key: CryptoKey, visit: (rows: NoteRecord[]) => void): Promise<void> {
  let after: string | undefined;
  for (;;) {
    const rows =
      after === undefined
        ? await db.notes.orderBy(':id').limit(PAGE).toArray()
        : await db.notes.where(':id').above(after).limit(PAGE).toArray();
    visit(await openRows(key, 'notes', rows));
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

function newest(hits: NoteRecord[], limit: number): SearchResult {
  const sorted = hits.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
  return {
    total: hits.length,
    hits: sorted.map(({ id, citizenKey, createdAt }) => ({ id, citizenKey, createdAt })),
  };
}

/** Reads and tests every note on every search: no memory held, cost grows with the notes. */
export function scanDatabase(db: SidevognDb, key: CryptoKey): SearchApproach {
  return {
    async search(query, limit = 50) {
      const terms = queryTerms(query);
      const hits: NoteRecord[] = [];
      await eachPage(db, key, (rows) => {
        for (const row of rows) if (matchesAllTerms(normaliseText(row.body), terms)) hits.push(row);
      });
      return newest(hits, limit);
    },
  };
}

/** Keeps every note's normalised text in memory after the first search and scans that. */
export function scanMemory(db: SidevognDb, key: CryptoKey): SearchApproach {
  let texts: { note: NoteRecord; text: string }[] | null = null;
  return {
    async search(query, limit = 50) {
      if (!texts) {
        const loaded: { note: NoteRecord; text: string }[] = [];
        await eachPage(db, key, (rows) => {
          for (const row of rows) loaded.push({ note: { ...row, body: '' }, text: normaliseText(row.body) });
        });
        texts = loaded;
      }
      const terms = queryTerms(query);
      const hits: NoteRecord[] = [];
      for (const { note, text } of texts) if (matchesAllTerms(text, terms)) hits.push(note);
      return newest(hits, limit);
    },
  };
}
