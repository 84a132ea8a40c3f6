import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { EXTENSION_ID, indexedDbSnapshot } from '../harness/chromium.mjs';
import { LockScreen } from './pages/lock';
import type { SpawnedBrowser } from './fixtures';

/**
 * SIGKILL at random points during an import, again and again, on one profile.
 * Each run: relaunch, check the state (the DB opens and holds entirely the old
 * or entirely the new data), start the next import, kill the browser a seeded
 * random delay after the moment just before the commit click. The same loop
 * serves any import that has a "commit" click: packs and backups.
 */
export interface ImportScenario<State> {
  /** Opens the page the import runs on in a freshly spawned browser (`first`: the profile's first launch). */
  open(browser: SpawnedBrowser, first: boolean): Promise<Page>;
  /** Reads what is installed; throws if the DB does not open or holds a mix. */
  read(page: Page): Promise<State>;
  /** Does the import up to the commit click (file chosen, preview shown) for run `n`. */
  prepare(page: Page, n: number): Promise<void>;
  /** The click that commits run `n`'s import. */
  commit(page: Page, n: number): Promise<void>;
  /** Waits until run `n`'s import says it is done (used to calibrate the kill window). */
  committed(page: Page, n: number): Promise<void>;
  /** The state after run `n` committed, and before it (run n-1 committed). */
  expected(n: number): State;
  /** A short name of a state, for the log and the tallies. */
  label(state: State): string;
  /** Whether the profile holds citizen data: after a discard (DISCARDED) the set-up form must then say it is gone. */
  holdsCitizens: boolean;
}

/**
 * Chromium's own log line when it finds an IndexedDB database's LevelDB files
 * corrupt on opening and deletes the whole database (content/browser/indexed_db,
 * backing_store.cc). Seen in CI after a SIGKILL during a large backup import, as
 * "Corruption: checksum mismatch" (3 CI runs by 2026-12-04; none in 150 kills
 * run here with the files checked after each). This is below the IndexedDB
 * API: no page can write a torn LevelDB file, so what Sidevogn answers for is
 * what the caseworker meets then (the loss alert on the set-up form), and the
 * loop starts over on the emptied profile instead of failing.
 */
const DISCARDED = /IndexedDB recovering from a corrupted \(and deleted\) database/;
/** Whether the relaunched Chromium logged DISCARDED, or `line` (its stderr arrives through a pipe: give it a moment). */
export async function discardedBy(browser: SpawnedBrowser, line = DISCARDED): Promise<boolean> {
  for (let waited = 0; waited <= 2_000; waited += 100) {
    if (line.test(browser.stderr())) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
export const corruption = (log: string) =>
  /Failed to open LevelDB database from [^,]*,\s*(.*)/.exec(log)?.[1] ?? 'no reason logged';

/** Small seeded PRNG (mulberry32), so a failing sequence of kill points can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KillRun {
  run: number;
  delayMs: number;
  /** `discarded`: Chromium deleted the database on relaunch (DISCARDED), the loop started over. */
  outcome: 'old' | 'new' | 'discarded';
}

/**
 * How many runs may end DISCARDED in a loop of `runs`: one per 20 runs begun
 * (one in `npm test`, five in a 100-run soak). Each is logged as it happens,
 * with the LevelDB reason Chromium gave; one more fails the test.
 */
export const maxDiscards = (runs: number) => Math.ceil(runs / 20);

/**
 * A kill loop's time: each run took up to 20 s in CI beside the editor matrix
 * (a backup's export 16 s, its commit 4 s); at least what the run was given
 * (`--timeout`), for a slow or loaded machine.
 */
export const killLoopTimeout = (runs: number, given: number) => Math.max(given, 120_000 + runs * 25_000);

/**
 * The kill delays of a loop: `runs` points spread evenly over the window, one
 * at a random place in each of `runs` equal slices, in a random order. Evenly
 * so that every part of the window gets its kills, the part before the click
 * (which must end "old") and the part after the commit (which must end "new")
 * included, whatever the seed; random within the slices and in order so each
 * seed tries other points.
 */
export function killSchedule(runs: number, windowMs: number, random: () => number): number[] {
  const delays = Array.from({ length: runs }, (_, i) => Math.round(((i + random()) / runs) * windowMs));
  for (let i = delays.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [delays[i], delays[j]] = [delays[j]!, delays[i]!];
  }
  return delays;
}

/**
 * Playwright's words for an action cut off because the browser went away; any
 * other failure of the commit click (no such button, a disabled one, a
 * timeout) is a failure of the test, also when the kill comes while Playwright
 * still waits for the button.
 */
const BROWSER_GONE = /has been closed|Target closed|Connection closed|disconnected|crashed/i;

/**
 * Runs the loop, then checks that it proved something: at least one kill
 * ended "old" and one "new" (the window spans the commit), and at most
 * `maxDiscards(runs)` runs ended DISCARDED. Throws with the tallies otherwise.
 */
export async function killDuringImports<State>(
  spawn: () => Promise<SpawnedBrowser>,
  scenario: ImportScenario<State>,
  {
    runs,
    seed,
    leadMs = 150,
    log = () => undefined,
    keepDir,
  }: {
    runs: number;
    seed: number;
    leadMs?: number;
    log?: (line: string) => void;
    /** Where the last kill's IndexedDB files are kept, for a post-mortem when Chromium discards the database. */
    keepDir?: string;
  },
): Promise<KillRun[]> {
  const random = seededRandom(seed);
  const same = (a: State, b: State) => JSON.stringify(a) === JSON.stringify(b);

  /** Run 0 (and a start-over): installs the first version without a kill; returns how long the commit took. */
  const installFirst = async (browser: SpawnedBrowser) => {
    const t0 = Date.now();
    const page = await scenario.open(browser, true);
    log(`opened in ${Date.now() - t0} ms`);
    await scenario.prepare(page, 0);
    log(`prepared at ${Date.now() - t0} ms`);
    const started = Date.now();
    await scenario.commit(page, 0);
    await scenario.committed(page, 0);
    await browser.kill();
    return Date.now() - started;
  };

  let browser = await spawn();
  const commitMs = await installFirst(browser);
  // From `leadMs` before the click, through the commit, to well past it (later
  // versions can commit more slowly than the first, measured here).
  const windowMs = leadMs + Math.round(commitMs * 1.5);
  const schedule = killSchedule(runs, windowMs, random);
  log(
    `seed ${seed}; commit takes ${commitMs} ms; kill window 0–${windowMs} ms after the lead-in starts, ${runs} kills`,
  );
  let killed = afterKill(browser, keepDir);

  let installed = 0; // the last version whose import is in the DB
  let attempted: number | null = null; // the version the last kill interrupted
  const results: KillRun[] = [];
  const count = (outcome: KillRun['outcome']) => results.filter((r) => r.outcome === outcome).length;
  let delayMs = 0;
  // Each relaunch first checks what the previous kill left, then starts the next import.
  for (let n = 1; ; n++) {
    browser = await spawn();
    let page: Page;
    let state: State;
    try {
      page = await scenario.open(browser, false);
      state = await scenario.read(page);
    } catch (e) {
      if (!(await discardedBy(browser))) throw withDiagnosis(e, killed, browser);
      log(
        `DISCARDED (${count('discarded') + 1} of at most ${maxDiscards(runs)}): run ${n - 1}, kill at ${delayMs} ms: Chromium deleted the database on relaunch (LevelDB ${corruption(browser.stderr())})` +
          (keepDir ? `; the files the kill left are in ${keepDir}` : ''),
      );
      results.push({ run: n - 1, delayMs, outcome: 'discarded' });
      if (count('discarded') > maxDiscards(runs))
        throw withDiagnosis(
          new Error(
            `${count('discarded')} of ${results.length} runs ended DISCARDED (Chromium deleted the database as corrupt), more than the ${maxDiscards(runs)} allowed`,
          ),
          killed,
          browser,
        );
      keepDir = undefined; // keep that post-mortem
      await setUpAfterDiscard(browser, scenario.holdsCitizens);
      log(`starting over from version 0 on run ${n}`);
      await installFirst(browser);
      killed = afterKill(browser, keepDir);
      installed = 0;
      attempted = null;
      continue;
    }
    if (attempted === null) {
      if (!same(state, scenario.expected(installed)))
        throw withDiagnosis(
          new Error(
            `Before the kills: expected ${scenario.label(scenario.expected(installed))}, found ${scenario.label(state)}`,
          ),
          killed,
          browser,
        );
    } else {
      const outcome = same(state, scenario.expected(attempted))
        ? 'new'
        : same(state, scenario.expected(installed))
          ? 'old'
          : null;
      log(`run ${n - 1}: kill at ${delayMs} ms → ${outcome ?? 'MIX'} (${scenario.label(state)})`);
      if (!outcome)
        throw withDiagnosis(
          new Error(
            `Run ${n - 1} (kill at ${delayMs} ms): neither ${scenario.label(scenario.expected(installed))} nor ${scenario.label(scenario.expected(attempted))}, but ${scenario.label(state)}`,
          ),
          killed,
          browser,
        );
      results.push({ run: n - 1, delayMs, outcome });
      if (outcome === 'new') installed = attempted;
    }
    if (results.length >= runs) break;

    attempted = installed + 1;
    await scenario.prepare(page, attempted);
    delayMs = schedule[results.length]!;
    let killing = false;
    const gone = new Promise<void>((resolve, reject) =>
      setTimeout(() => {
        killing = true;
        browser.kill().then(resolve, reject);
      }, delayMs),
    );
    await new Promise((r) => setTimeout(r, leadMs));
    // The browser may already be gone, or go while Playwright clicks: the click
    // then fails, which is the point. Any other failure is the test's.
    try {
      await scenario.commit(page, attempted);
    } catch (e) {
      if (!killing || !BROWSER_GONE.test(String(e))) {
        await gone.catch(() => undefined);
        throw new Error(`Run ${n} (kill at ${delayMs} ms): the commit click failed with the browser still there`, {
          cause: e,
        });
      }
    }
    await gone;
    killed = afterKill(browser, keepDir);
  }
  await browser.kill();
  const tally = `${count('old')} old, ${count('new')} new, ${count('discarded')} discarded by Chromium (at most ${maxDiscards(runs)} allowed)`;
  log(tally);
  // No discard: nothing to look into (after one, keepDir was let go and its files stay).
  if (keepDir) rmSync(keepDir, { recursive: true, force: true });
  // A loop whose kills all fell before the click, or all after the commit, proved nothing about the commit.
  if (count('old') === 0 || count('new') === 0)
    throw new Error(
      `The kills did not straddle the commit: ${tally}. Every loop needs runs that end in the old and in the new state.`,
    );
  return results;
}

/**
 * What the caseworker meets after Chromium discarded the database: the keyring
 * went with it, so the first-run set-up shows, with the loss alert on it when
 * there were citizens (components/lock/LockGate.tsx). Then the set-up again.
 */
export async function setUpAfterDiscard(browser: SpawnedBrowser, holdsCitizens: boolean | 'either'): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const lock = new LockScreen(page);
  await expect(lock.setUpHeading).toBeVisible();
  if (holdsCitizens !== 'either')
    await expect(page.getByRole('alert').filter({ hasText: 'Sidevogns data er væk' })).toHaveCount(
      holdsCitizens ? 1 : 0,
    );
  await lock.setUp();
  await page.close();
}

/** What a kill left on disk and what the killed Chromium logged, read before the relaunch touches the profile. */
interface AfterKill {
  disk: string;
  log: string;
}

function afterKill(browser: SpawnedBrowser, keepDir: string | undefined): AfterKill {
  if (keepDir) {
    rmSync(keepDir, { recursive: true, force: true });
    cpSync(join(browser.userDataDir, 'Default', 'IndexedDB'), keepDir, { recursive: true });
  }
  return { disk: indexedDbSnapshot(browser.userDataDir), log: browser.stderr() };
}

/** Chromium's log lines about storage (IndexedDB, LevelDB), the last few. */
export const storageLines = (log: string) =>
  log
    .split('\n')
    .filter((l) => /indexed|leveldb|corrupt|backing store|quota/i.test(l))
    .slice(-15)
    .join('\n') || '(none)';

/**
 * The failure as it was, with what the profile's IndexedDB held after the kill
 * and what both browsers logged about storage: a lost database and a lost
 * transaction look the same from the page, not on disk.
 */
function withDiagnosis(e: unknown, killed: AfterKill, relaunched: SpawnedBrowser): Error {
  const error = e instanceof Error ? e : new Error(String(e));
  error.message +=
    `\n\nIndexedDB on disk after the kill, before the relaunch:\n${killed.disk}` +
    `\n\n... after the relaunch:\n${indexedDbSnapshot(relaunched.userDataDir)}` +
    `\n\nStorage lines in the killed browser's log:\n${storageLines(killed.log)}` +
    `\n\n... in the relaunched browser's log:\n${storageLines(relaunched.stderr())}`;
  return error;
}
