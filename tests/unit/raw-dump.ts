import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * What "nothing changed" is checked on: every object store of the database,
 * read with the plain IndexedDB API (not Dexie, not the repository), keys and
 * values in key order, plus everything in chrome.storage.local. Binary values
 * are written out byte by byte, so a changed secret shows as a change.
 */
export async function rawDump(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const stores = [...db.objectStoreNames].sort();
  const tables = await new Promise<Record<string, [unknown[], unknown[]]>>((resolve, reject) => {
    const tx = db.transaction(stores, 'readonly');
    const requests = stores.map((s) => [tx.objectStore(s).getAllKeys(), tx.objectStore(s).getAll()] as const);
    tx.oncomplete = () =>
      resolve(
        Object.fromEntries(
          stores.map((s, i) => [s, [requests[i]![0].result as unknown[], requests[i]![1].result as unknown[]]]),
        ),
      );
    tx.onabort = () => reject(tx.error);
  });
  db.close();
  const local = await fakeBrowser.storage.local.get(null);
  return JSON.stringify({ tables, local }, (_, v: unknown) =>
    v instanceof Uint8Array ? { bytes: Array.from(v) } : v instanceof ArrayBuffer ? { buffer: v.byteLength } : v,
  );
}

/** Row counts per store of a dump, for a failure message that says what differs. */
export function countsOf(dump: string): Record<string, number> {
  const { tables } = JSON.parse(dump) as { tables: Record<string, [unknown[], unknown[]]> };
  return Object.fromEntries(Object.entries(tables).map(([s, [keys]]) => [s, keys.length]));
}

interface WriteFault {
  /** Which write throws (1-based); 0: none. */
  failAt: number;
  /** Writes seen since the last arm(). */
  writes: number;
  /** Whether the armed write was reached and thrown. */
  fired: boolean;
}

const fault: WriteFault = { failAt: 0, writes: 0, fired: false };
let installed = false;

/**
 * Counts every write the code makes through IndexedDB (put, add, delete,
 * clear on an object store; update and delete through a cursor) and makes the
 * `failAt`-th one throw, as a write Chromium refuses does. Installed once per
 * test file; `arm(n)` before each attempt.
 */
export function injectWriteFaults(): { arm(failAt: number): void; readonly state: Readonly<WriteFault> } {
  if (!installed) {
    installed = true;
    const patch = (proto: object, methods: string[]) => {
      const p = proto as Record<string, (...args: unknown[]) => unknown>;
      for (const method of methods) {
        const original = p[method]!;
        p[method] = function (this: unknown, ...args: unknown[]) {
          fault.writes++;
          if (fault.writes === fault.failAt) {
            fault.fired = true;
            throw new DOMException(`Injected failure of write ${fault.writes}`, 'UnknownError');
          }
          return original.apply(this, args);
        };
      }
    };
    patch(IDBObjectStore.prototype, ['put', 'add', 'delete', 'clear']);
    patch(IDBCursor.prototype, ['update', 'delete']);
  }
  return {
    arm(failAt: number) {
      fault.failAt = failAt;
      fault.writes = 0;
      fault.fired = false;
    },
    state: fault,
  };
}
