import { maskCpr } from '../cpr/cpr';
import type { SearchResult } from './note-search';
import type { Repositories } from '../repositories';
import { buildSnippet, type SnippetPiece } from './snippet';

/** One note in the search results, ready to show: no full CPR, only a snippet of the note. */
export interface NoteResult {
  id: string;
  citizenKey: string;
  citizenName: string;
  /** Sidevogn remembers where the case system last showed the citizen ("Åbn i sagssystemet"). */
  hasCaseAddress: boolean;
  maskedCpr: string;
  createdAt: number;
  snippet: SnippetPiece[];
}

/**
 * Opens the notes and citizens behind the hits (at most the shown page, so at
 * most 50 notes are decrypted) and builds their snippets. A note deleted
 * between the search and the read is left out.
 */
export async function resolveResults(
  repository: Pick<Repositories, 'notes' | 'citizens'>,
  result: SearchResult,
  query: string,
): Promise<NoteResult[]> {
  const notes = await repository.notes.byIds(result.hits.map((h) => h.id));
  const citizenKeys = [...new Set(result.hits.map((h) => h.citizenKey))];
  const citizens = new Map(
    await Promise.all(citizenKeys.map(async (key) => [key, await repository.citizens.get(key)] as const)),
  );
  const results: NoteResult[] = [];
  for (const note of notes) {
    if (!note) continue;
    const citizen = citizens.get(note.citizenKey);
    results.push({
      id: note.id,
      citizenKey: note.citizenKey,
      hasCaseAddress: citizen?.caseAddress !== undefined,
      citizenName: citizen?.name ?? '',
      maskedCpr: citizen ? maskCpr(citizen.cpr) : '',
      createdAt: note.createdAt,
      snippet: buildSnippet(note.body, query),
    });
  }
  return results;
}
