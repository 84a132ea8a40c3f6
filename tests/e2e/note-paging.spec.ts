import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { panelFrame } from './extension';

/**
 * Writes `count` older notes for the citizen of the one note already saved,
 * straight into the extension's database, sealed as the repository seals them
 * (lib/db/sealed.ts) with the unlocked data key from storage.session. Notes
 * 22–26 share one timestamp, so the first page's boundary falls among equal times.
 */
async function seedOlderNotes(options: Page, count: number): Promise<void> {
  await options.evaluate(async (n) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(k: string): Promise<Record<string, string>> } } };
    };
    const raw = (await chrome.storage.session.get('dataKey')).dataKey!;
    const dataKey = await crypto.subtle.importKey(
      'raw',
      Uint8Array.from(atob(raw), (ch) => ch.charCodeAt(0)),
      'AES-GCM',
      false,
      ['encrypt'],
    );
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    const seal = async (id: string, citizenKey: string, rest: object) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const additionalData = new TextEncoder().encode(`sidevogn/notes/${id}/${citizenKey}`);
      const plain = new TextEncoder().encode(JSON.stringify(rest));
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, plain);
      return { iv: b64(iv), ct: b64(new Uint8Array(ct)) };
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('sidevogn');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const existing = await new Promise<{ citizenKey: string; createdAt: number }[]>((resolve, reject) => {
      const req = db.transaction('notes').objectStore('notes').getAll();
      req.onsuccess = () => resolve(req.result as { citizenKey: string; createdAt: number }[]);
      req.onerror = () => reject(req.error);
    });
    if (existing.length !== 1) throw new Error(`expected the one note written in the panel, found ${existing.length}`);
    const { citizenKey, createdAt: newest } = existing[0]!;
    const rows = [];
    for (let i = 1; i <= n; i++) {
      const id = crypto.randomUUID();
      const createdAt = newest - (i >= 22 && i <= 26 ? 22 : i) * 60_000;
      rows.push({
        id,
        citizenKey,
        createdAt,
        sealed: await seal(id, citizenKey, { body: `Ældre note nr. ${i}`, updatedAt: createdAt }),
      });
    }
    const tx = db.transaction('notes', 'readwrite');
    for (const row of rows) tx.objectStore('notes').put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

test('a citizen with more than a page of notes: newest first, "Vis ældre noter" loads the rest by keyboard, live notes on top', async ({
  caseSystem,
  page,
  openOptions,
}) => {
  const c = citizen(3);
  await caseSystem.gotoCase(c.caseId);
  const { panel } = caseSystem;
  await panel.writeNote('Nyeste note skrevet i panelet');
  const options = await openOptions();
  await seedOlderNotes(options, 69);
  await options.close();

  // Opening the citizen again reads only the newest page (25 of 70).
  await caseSystem.gotoCase(c.caseId);
  await expect(panel.citizenName).toHaveText(c.name);
  await panel.showNotes();
  await expect(panel.notes).toHaveCount(25);
  await expect(panel.notes.first()).toContainText('Nyeste note skrevet i panelet');
  await expect(panel.notes.nth(1)).toContainText('Ældre note nr. 1');
  await expect(panel.notes.nth(21)).toContainText('Ældre note nr. 21');
  // The last of the page is one of the five notes at one time stamp.
  expect(Number(/Ældre note nr\. (\d+)/.exec(await panel.notes.last().innerText())?.[1])).toBeGreaterThanOrEqual(22);
  await expect(panel.frame.getByText('Ældre note nr. 27', { exact: true })).toHaveCount(0);
  const older = panel.frame.getByRole('button', { name: 'Vis ældre noter' });
  await expect(older).toHaveAccessibleDescription('45 ældre noter vises ikke endnu.');
  await expect(panel.frame.getByRole('status').filter({ hasText: 'Viser de nyeste 25 af 70 noter' })).toHaveCount(1);
  expect(await wcagViolations(panelFrame(page))).toEqual([]);

  // Keyboard: focus reaches the button by Tab from the last note, Enter loads the next 50: the rest.
  await panel.notes.last().getByRole('button', { name: 'Slet' }).focus();
  await page.keyboard.press('Tab');
  await expect(older).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.notes).toHaveCount(70);
  await expect(older).toHaveCount(0);
  await expect(panel.notes.last()).toContainText('Ældre note nr. 69');
  // Focus moves to the first note that was added, not lost with the button.
  await expect(panel.notes.nth(25).getByRole('button').first()).toBeFocused();
  const bodies = await panel.notes.allTextContents();
  const order = bodies.slice(1).map((t) => Number(/Ældre note nr\. (\d+)/.exec(t)?.[1]));
  // Newest first; the five notes at one time stamp in some order among themselves.
  expect(order.slice(0, 21)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  expect([...order.slice(21, 26)].sort((a, b) => a - b)).toEqual([22, 23, 24, 25, 26]);
  expect(order.slice(26)).toEqual(Array.from({ length: 43 }, (_, i) => i + 27));

  // A new note appears on top and nothing loaded falls out.
  await panel.writeNote('Endnu nyere note');
  await expect(panel.notes).toHaveCount(71);
  await expect(panel.notes.first()).toContainText('Endnu nyere note');
  await expect(panel.notes.last()).toContainText('Ældre note nr. 69');

  // Deleting an older, loaded note and undoing it.
  await panel.note('Ældre note nr. 60').getByRole('button', { name: 'Slet' }).click();
  await expect(panel.notes).toHaveCount(70);
  await panel.frame.getByRole('button', { name: 'Fortryd' }).click();
  await expect(panel.notes).toHaveCount(71);
  await expect(panel.note('Ældre note nr. 60')).toHaveCount(1);
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
});
