import type { Frame, Page } from '@playwright/test';
import { EXTENSION_ID } from '../harness/chromium.mjs';
import { citizen } from './demo-data';
import { panelFrame } from './extension';
import { expect, test, unlock, type SpawnedBrowser } from './fixtures';
import { corruption, discardedBy, setUpAfterDiscard, storageLines } from './kill-loop';
import { CaseSystem } from './pages/case-system';

/**
 * A SIGKILL of every process of the profile while Sidevogn erases: "Slet alt om
 * borgeren" in the panel (lib/privacy/citizen-data.ts eraseCitizens) and "Slet
 * alle borgerdata" on the options page (eraseAllCitizenData). Each runs in one
 * transaction, so after a relaunch the data is either all there or all gone, in
 * every table, never half; another citizen's data is untouched by the first.
 *
 * The kills come further into the erase each run until one lands after the
 * commit: the last run that ended "old" and the first that ended "new" bracket it.
 * Extra rows (copies of a real sealed note, under the citizen's key, in every
 * table an erase deletes from by index) make the erase take a while.
 *
 * Now and then Chromium finds the database's LevelDB files torn by a kill and
 * deletes the database on relaunch (kill-loop.ts, DISCARDED; at the first kill
 * in a CI run and in a run here, the relaunch then showed the set-up form). That is
 * below the IndexedDB API; two such runs are let through (CI once saw two in
 * one run of this test's 17 kills): the loss alert is checked, the data written
 * again, and the same delay tried again.
 */

test.use({ trace: 'off' });

/** Rows added per seeded table for the erased citizen (and OTHER_ROWS for the other). */
const ROWS = 400;
const OTHER_ROWS = 10;
/**
 * Kill delays after the click that erases. One citizen: the commit came 1.3–2 s after
 * the click with 1,200 rows a table here, sooner with 400. Erasing everything (clear()
 * on each table) commits within a few milliseconds, sooner than a kill at 0 ms on a
 * fast machine (CI, stop 39), so its transaction is held open (HOLD_MS, holdClears) and
 * those delays count from its first clear().
 */
const DELAYS_MS = [0, 100, 200, 350, 550, 800, 1_200, 2_000, 3_000, 5_000];
const DELAYS_ALL_MS = [0, 60, 150, 400, 1_000, 4_000];
/**
 * Long enough that a kill meant to land inside the held transaction does on a loaded CI
 * machine: at 800 ms, a clean-clone run (2026-12-07, 061b824) saw the kill "at 0 ms" find the
 * erase committed, with the other worker busy in the editor matrix.
 */
const HOLD_MS = 2_500;
const TABLES = ['citizens', 'notes', 'drafts', 'formDrafts', 'history', 'summaries', 'deadlines', 'checklistRuns'];

type Counts = Record<string, number>;

/** Adds `n` rows per table under `key`, each carrying a copy of a real sealed value (from the extension origin). */
function seed(frame: Page | Frame, key: string, n: number): Promise<void> {
  return frame.evaluate(
    async ({ key, n }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('sidevogn');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const stores = ['notes', 'drafts', 'formDrafts', 'history', 'deadlines', 'checklistRuns'];
      const tx = db.transaction(stores, 'readwrite');
      const sealed = await new Promise<unknown>((resolve) => {
        const req = tx.objectStore('notes').getAll(undefined, 1);
        req.onsuccess = () => resolve((req.result[0] as { sealed: unknown }).sealed);
      });
      for (let i = 0; i < n; i++) {
        const id = `erase-${key.slice(0, 6)}-${i}`;
        tx.objectStore('notes').put({ id, citizenKey: key, createdAt: i, sealed });
        tx.objectStore('drafts').put({ id: `edit:${id}`, citizenKey: key, sealed });
        tx.objectStore('formDrafts').put({ id: `${key}:${id}`, citizenKey: key, sealed });
        tx.objectStore('history').put({ id, citizenKey: key, at: i, sealed });
        // Done deadlines: the options page's caseload opens only open ones.
        tx.objectStore('deadlines').put({ id, citizenKey: key, due: '2030-01-01', doneAt: 1, sealed });
        tx.objectStore('checklistRuns').put({ id, citizenKey: key, sealed });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    { key, n },
  );
}

/**
 * Rows per citizen table for each key (citizens by `key`, the rest by
 * `citizenKey`; '*': all rows), read with the plain IndexedDB API in an extension page.
 */
function counts(page: Page | Frame, keys: string[]): Promise<Record<string, Counts>> {
  return page.evaluate(
    async ({ keys, tables }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('sidevogn');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(tables, 'readonly');
      const all = tables.map((t) => [t, tx.objectStore(t).getAll()] as const);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
      db.close();
      const out: Record<string, Record<string, number>> = {};
      for (const key of [...keys, '*']) {
        out[key] = {};
        for (const [t, req] of all)
          out[key]![t] = (req.result as Record<string, unknown>[]).filter(
            (row) => key === '*' || (t === 'citizens' ? row.key : row.citizenKey) === key,
          ).length;
      }
      return out;
    },
    { keys, tables: TABLES },
  );
}

const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);

/** The citizen keys that have a citizen record. */
function citizenKeys(page: Page | Frame): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('sidevogn');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('citizens').objectStore('citizens').getAllKeys();
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result as string[]);
          };
        };
      }),
  );
}

/**
 * Holds open each transaction that clears a store, from its first clear(): the k-th such
 * transaction stays busy for k × `ms` (reads of the same store in it, issued until then,
 * and an explicit commit() of it ignored), so it commits no sooner and the kills land
 * inside it. Patched into the options page, the same realm as the erase's own code; the
 * reads change nothing that is committed. One transaction (the real erase) commits after
 * `ms`; a build that clears each table in a transaction of its own, one after another
 * or all at once, commits them `ms` apart, so a kill lands between two commits. Sets
 * `__clearing` at the first clear(), which `start` waits for: the kill delays count from
 * the erase's start, not from the key press (an erase without clear() fails that wait).
 */
function holdClears(page: Page, ms: number): Promise<void> {
  return page.evaluate((ms) => {
    const w = window as unknown as { __clearing?: boolean };
    const proto = IDBObjectStore.prototype;
    const clear = proto.clear;
    const commit = IDBTransaction.prototype.commit;
    const held = new WeakSet<IDBTransaction>();
    IDBTransaction.prototype.commit = function (this: IDBTransaction) {
      if (!held.has(this)) commit.call(this);
    };
    let count = 0;
    proto.clear = function (this: IDBObjectStore) {
      const request = clear.call(this);
      w.__clearing = true;
      if (!held.has(this.transaction)) {
        held.add(this.transaction);
        const until = Date.now() + ++count * ms;
        const spin = () => {
          if (Date.now() < until) this.count().onsuccess = spin;
        };
        spin();
      }
      return request;
    };
  }, ms);
}

/**
 * After the kill: a new browser on the same profile, unlocked, with a page on the options page;
 * or, when Chromium deleted the database as corrupt on opening it (kill-loop.ts, DISCARDED),
 * the browser and the reason LevelDB gave.
 */
async function relaunch(
  spawn: () => Promise<SpawnedBrowser>,
): Promise<{ browser: SpawnedBrowser; page: Page } | { browser: SpawnedBrowser; discarded: string }> {
  const browser = await spawn();
  try {
    await unlock(browser.context);
  } catch (e) {
    if (await discardedBy(browser)) return { browser, discarded: corruption(browser.stderr()) };
    const error = e instanceof Error ? e : new Error(String(e));
    error.message += `\n\nStorage lines in the relaunched browser's log:\n${storageLines(browser.stderr())}`;
    throw error;
  }
  return { browser, page: await optionsPage(browser) };
}

async function optionsPage(browser: SpawnedBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await page.getByRole('heading', { name: 'Sidevogn – indstillinger' }).waitFor();
  return page;
}

/**
 * A LevelDB file torn by the kill is below Sidevogn; two such runs in the whole test are let
 * through (kill-loop.ts lets one per 20 runs; CI saw two in this test's 17 kills once).
 */
const MAX_DISCARDS = 2;

/**
 * Begins the erase with `start`, kills after each delay in turn and relaunches,
 * until a run ends "new". `state` says what the relaunched database is, and
 * fails the test when it is neither wholly old nor wholly new. After a discard
 * the caseworker's set-up is checked and done again, `restore` writes the data
 * again, and the same delay is tried again (a discarded run says nothing about it).
 */
async function killLoop(
  delays: number[],
  spawn: () => Promise<SpawnedBrowser>,
  first: { browser: SpawnedBrowser; page: Page },
  start: (page: Page) => Promise<void>,
  state: (page: Page, delay: number) => Promise<'old' | 'new'>,
  restore: (browser: SpawnedBrowser) => Promise<Page>,
  tally: { discards: number },
  /** Whether the data-loss alert must show after a discard (an erase of everything that committed left no citizens to miss). */
  holdsCitizens: boolean | 'either',
): Promise<{ outcomes: string[]; browser: SpawnedBrowser; page: Page }> {
  let { browser, page } = first;
  const outcomes: string[] = [];
  for (let i = 0; i < delays.length; i++) {
    const delay = delays[i]!;
    await start(page);
    await new Promise((r) => setTimeout(r, delay));
    await browser.kill();
    await browser.browser.close().catch(() => undefined);
    const next = await relaunch(spawn);
    browser = next.browser;
    if ('discarded' in next) {
      const discards = ++tally.discards;
      console.log(
        `DISCARDED (${discards} of at most ${MAX_DISCARDS}) after the kill at ${delay} ms: Chromium deleted the database on relaunch (LevelDB ${next.discarded}); trying that delay again`,
      );
      expect(discards, `Chromium discarded the database more than ${MAX_DISCARDS} times`).toBeLessThanOrEqual(
        MAX_DISCARDS,
      );
      await setUpAfterDiscard(browser, holdsCitizens);
      page = await restore(browser);
      i--;
      continue;
    }
    page = next.page;
    const now = await state(page, delay);
    outcomes.push(`${delay} ms: ${now}`);
    if (now === 'new') break;
  }
  return { outcomes, browser, page };
}

const seededTables = (n: number): Counts => ({
  citizens: 1,
  notes: n + 1,
  drafts: n,
  formDrafts: n,
  history: n,
  summaries: 1,
  deadlines: n,
  checklistRuns: n,
});

test('a SIGKILL during an erase leaves the citizen’s data (or all data) wholly there or wholly gone in every table', async ({
  spawn,
  caseSystemUrl,
}) => {
  // Up to 17 relaunches of a real browser (about 5 s each here), more after a discard.
  test.setTimeout(360_000);
  const c = citizen(4);
  const other = citizen(5);
  const tally = { discards: 0 };
  let key = '';
  let otherKey = '';
  let before: Record<string, Counts> = {};
  /** Two citizens with a note each, seeded with rows; in a new page, which it returns (on the first citizen). */
  const populate = async (browser: SpawnedBrowser): Promise<Page> => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    const cs = new CaseSystem(page, caseSystemUrl);
    await cs.gotoCase(other.caseId);
    await cs.panel.writeNote('Note om en anden borger');
    [otherKey = ''] = await citizenKeys(panelFrame(page));
    await cs.gotoCase(c.caseId);
    await cs.panel.writeNote('Kanarie');
    key = (await citizenKeys(panelFrame(page))).find((k) => k !== otherKey)!;
    await seed(panelFrame(page), key, ROWS);
    await seed(panelFrame(page), otherKey, OTHER_ROWS);
    before = await counts(panelFrame(page), [key, otherKey]);
    expect(before[key]).toEqual(seededTables(ROWS));
    expect(before[otherKey]).toEqual(seededTables(OTHER_ROWS));
    return page;
  };
  let browser = await spawn();
  let page = await populate(browser);

  // "Slet alt om borgeren" in the panel.
  const one = await killLoop(
    DELAYS_MS,
    spawn,
    { browser, page },
    async (p) => {
      if (!p.url().includes(c.caseId)) await new CaseSystem(p, caseSystemUrl).gotoCase(c.caseId);
      const panel = new CaseSystem(p, caseSystemUrl).panel;
      await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
      await panel.openCitizenDataMenu();
      await panel.frame.getByRole('button', { name: 'Slet alt om borgeren' }).click();
      await panel.frame.getByRole('button', { name: 'Ja, slet alt' }).click();
    },
    async (p, delay) => {
      const now = await counts(p, [key, otherKey]);
      expect(now[otherKey], `kill at ${delay} ms: the other citizen changed`).toEqual(before[otherKey]);
      const mine = now[key]!;
      if (JSON.stringify(mine) === JSON.stringify(before[key])) return 'old';
      // After the erase the panel opens the citizen again (an empty record): nothing else may be left.
      expect({ ...mine, citizens: 0 }, `kill at ${delay} ms: half erased`).toEqual(
        Object.fromEntries(TABLES.map((t) => [t, 0])),
      );
      return 'new';
    },
    populate,
    tally,
    true,
  );
  console.log(`erase (one citizen) kill runs: ${one.outcomes.join(', ')}`);
  expect(one.outcomes[0]).toMatch(/old$/);
  expect(one.outcomes.at(-1), `no kill landed after the commit: ${one.outcomes.join(', ')}`).toMatch(/new$/);

  // "Slet alle borgerdata" on the options page: seed the erased citizen again, then erase everything.
  ({ browser, page } = one);
  await seed(page, key, ROWS);
  let all = (await counts(page, []))['*']!;
  expect(sum(all)).toBeGreaterThan(6 * ROWS);
  const everything = await killLoop(
    DELAYS_ALL_MS,
    spawn,
    { browser, page },
    async (p) => {
      await holdClears(p, HOLD_MS);
      const word = p.getByLabel('Skriv SLET for at bekræfte');
      await word.fill('SLET');
      await word.press('Enter');
      await p.waitForFunction(() => (window as { __clearing?: boolean }).__clearing, undefined, { polling: 5 });
    },
    async (p, delay) => {
      const now = (await counts(p, []))['*']!;
      if (JSON.stringify(now) === JSON.stringify(all)) return 'old';
      expect(now, `kill at ${delay} ms: half erased`).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
      return 'new';
    },
    async (b) => {
      await (await populate(b)).close();
      const options = await optionsPage(b);
      all = (await counts(options, []))['*']!;
      return options;
    },
    tally,
    'either',
  );
  console.log(`erase (all) kill runs: ${everything.outcomes.join(', ')}`);
  expect(everything.outcomes[0]).toMatch(/old$/);
  expect(everything.outcomes.at(-1), `no kill landed after the commit`).toMatch(/new$/);
});
