import type { Frame } from '@playwright/test';
import { citizen } from './demo-data';
import { panelFrame } from './extension';
import { expect, test } from './fixtures';

/**
 * A stored row that does not read (here: a row whose sealed content belongs to
 * another row, so AES-GCM refuses it, as after a bad restore or a bug in an old
 * build) must not blank the panel. The other records show, the panel says how
 * many could not be read and that nothing was deleted, and the bad rows stay in
 * the database exactly as they were.
 */

type Row = Record<string, unknown>;

/** Puts rows into the extension's IndexedDB with the plain API (from the panel frame), or reads a store. */
function idb(frame: Frame, op: { put?: [string, Row][]; read?: string }): Promise<Row[]> {
  return frame.evaluate(async ({ put, read }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('sidevogn');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores = put ? [...new Set(put.map(([s]) => s))] : [read!];
    const tx = db.transaction(stores, put ? 'readwrite' : 'readonly');
    for (const [store, row] of put ?? []) tx.objectStore(store).put(row);
    const all = read ? tx.objectStore(read).getAll() : undefined;
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onabort = () => reject(tx.error);
    });
    db.close();
    return (all?.result ?? []) as Row[];
  }, op);
}

test('a note, deadline, checklist run or history row that does not read leaves the rest of the panel, says so, and stays as stored', async ({
  caseSystem,
}) => {
  const c = citizen(4);
  await caseSystem.gotoCase(c.caseId);
  const { panel } = caseSystem;
  await panel.writeNote('Første note');
  await panel.writeNote('Anden note');
  const frame = panelFrame(caseSystem.page);
  const [note] = await idb(frame, { read: 'notes' });
  const { citizenKey, sealed } = note as { citizenKey: string; sealed: unknown };
  // Sealed content moved from another row: the clear fields pass their schema, the seal does not open.
  const bad: [string, Row][] = [
    ['notes', { id: 'unreadable-note', citizenKey, createdAt: Date.now() + 60_000, sealed }],
    ['deadlines', { id: 'unreadable-deadline', citizenKey, due: '2030-01-01', doneAt: null, sealed }],
    ['checklistRuns', { id: 'unreadable-run', citizenKey, sealed }],
    ['history', { id: 'unreadable-history', citizenKey, at: Date.now(), sealed }],
  ];
  await idb(frame, { put: bad });
  await caseSystem.page.reload();

  await expect(panel.citizenName).toHaveText(c.name);
  await panel.showNotes();
  await expect(panel.notes).toHaveCount(2);
  await expect(
    panel.frame.getByText('1 note om borgeren kunne ikke læses og vises ikke. Intet er slettet'),
  ).toBeVisible();
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await expect(panel.frame.getByText('1 frist kunne ikke læses og vises ikke. Intet er slettet')).toBeVisible();
  await expect(panel.frame.getByTestId('summary')).toBeVisible();
  await panel.frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await expect(panel.frame.getByText('1 tjekliste kunne ikke læses og vises ikke.')).toBeVisible();
  await panel.frame.getByRole('tab', { name: 'Historik' }).click();
  await expect(panel.frame.getByText('1 linje i historikken kunne ikke læses og vises ikke.')).toBeVisible();

  // The summary (one row per citizen) that does not read: that view says so; the other tabs still work.
  await idb(panelFrame(caseSystem.page), { put: [['summaries', { citizenKey, sealed }]] });
  await caseSystem.page.reload();
  await expect(panel.citizenName).toHaveText(c.name);
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await expect(panel.frame.getByText(/Noget af det gemte om borgeren kunne ikke læses/)).toBeVisible();
  await panel.showNotes();
  await expect(panel.notes).toHaveCount(2);

  // Nothing was rewritten or deleted.
  const after = panelFrame(caseSystem.page);
  for (const [store, row] of [...bad, ['summaries', { citizenKey, sealed }] as [string, Row]]) {
    const rows = await idb(after, { read: store });
    expect(rows, store).toContainEqual(row);
  }
});
