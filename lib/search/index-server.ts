import { SidevognDb } from '../db/database';
import { createNoteSearch, type NoteSearch } from './note-search';
import type { ServerPort, WorkerReply, WorkerRequest } from './index-protocol';

/**
 * The search index served from a worker: the same index as in the page
 * (lib/search/note-search.ts: loaded from its sealed snapshot or built from
 * the decrypted notes, following every committed write through the change
 * log and Dexie's storagemutated event, which reaches a worker over
 * BroadcastChannel), so the page's thread never decrypts or indexes the
 * notes. The worker lives only while unlocked: the page terminates it on
 * lock, and the decrypted words go with its heap.
 */
export function serveNoteSearch(
  port: ServerPort,
  openDb: (name: string) => SidevognDb = (n) => new SidevognDb(n),
): { close(): void } {
  let search: NoteSearch | null = null;
  let db: SidevognDb | null = null;
  const post = (message: WorkerReply) => port.postMessage(message);

  async function answer(request: Exclude<WorkerRequest, { type: 'start' }>): Promise<WorkerReply> {
    try {
      if (!search) throw new Error('The search worker was not started');
      if (request.type === 'warm') {
        await search.warm();
        return { type: 'done', id: request.id, stats: search.stats() };
      }
      const result = await search.search(request.query, request.options);
      return { type: 'done', id: request.id, result };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { type: 'failed', id: request.id, name, message };
    }
  }

  port.onmessage = ({ data }) => {
    if (data.type === 'start') {
      search?.close();
      db?.close();
      db = openDb(data.dbName);
      const key = data.key;
      // Kept sealed at rest (ADR 0007): loaded from its snapshot at the start, written after following changes.
      search = createNoteSearch(db, { current: () => key }, data.range, {
        snapshots: true,
        snapshotDelayMs: data.snapshotDelayMs,
        onLoaded: ({ snapshot, ms }) => post({ type: 'loaded', snapshot, ms }),
        onSnapshot: ({ written, bytes, ms }) => post({ type: 'snapshot', written, bytes, ms }),
      });
      search.onProgress((progress) => post({ type: 'progress', progress }));
      search.onChange(() => post({ type: 'change' }));
      return;
    }
    void answer(data).then(post);
  };
  return {
    close() {
      search?.close();
      db?.close();
      search = null;
      db = null;
    },
  };
}
