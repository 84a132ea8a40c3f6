import type { Page } from '@playwright/test';
import { indexedDbSnapshot } from '../harness/chromium.mjs';
import type { SpawnedBrowser } from './fixtures';

/**
 * SIGKILL at random points during an import, again and again, on one profile.
 * Each run: relaunch, check the state (the DB opens and holds entirely the old
 * or entirely the new data), start the next import, kill the browser a seeded
 * random delay after the moment just before the commit click. The same loop
 * serves any import that has a "commit" click: packs today, backups next.
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
}

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
  outcome: 'old' | 'new';
}

export async function killDuringImports<State>(
  spawn: () => Promise<SpawnedBrowser>,
  scenario: ImportScenario<State>,
  {
    runs,
    seed,
    leadMs = 150,
    log = () => undefined,
  }: { runs: number; seed: number; leadMs?: number; log?: (line: string) => void },
): Promise<KillRun[]> {
  const random = seededRandom(seed);
  const same = (a: State, b: State) => JSON.stringify(a) === JSON.stringify(b);

  // Run 0 installs the first version without a kill and measures how long the commit takes.
  const t0 = Date.now();
  let browser = await spawn();
  let page = await scenario.open(browser, true);
  log(`spawned and opened in ${Date.now() - t0} ms`);
  await scenario.prepare(page, 0);
  log(`prepared at ${Date.now() - t0} ms`);
  const started = Date.now();
  await scenario.commit(page, 0);
  await scenario.committed(page, 0);
  const commitMs = Date.now() - started;
  log(
    `seed ${seed}; commit takes ${commitMs} ms; kill window 0–${leadMs + Math.round(commitMs * 1.3)} ms after the lead-in`,
  );
  await browser.kill();
  let killed = afterKill(browser);

  let installed = 0; // the last version whose import is in the DB
  let attempted: number | null = null; // the version the last kill interrupted
  const results: KillRun[] = [];
  let delayMs = 0;
  // Each relaunch first checks what the previous kill left, then starts the next import.
  for (let n = 1; n <= runs + 1; n++) {
    browser = await spawn();
    let state: State;
    try {
      page = await scenario.open(browser, false);
      state = await scenario.read(page);
    } catch (e) {
      throw withDiagnosis(e, killed, browser);
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
    if (n > runs) break;

    attempted = installed + 1;
    await scenario.prepare(page, attempted);
    // From `leadMs` before the click, through the commit, to a little after it.
    delayMs = Math.round(random() * (leadMs + commitMs * 1.3));
    const gone = new Promise<void>((resolve, reject) =>
      setTimeout(() => browser.kill().then(resolve, reject), delayMs),
    );
    await new Promise((r) => setTimeout(r, leadMs));
    // The browser may already be gone: the click then fails, which is the point.
    await scenario.commit(page, attempted).catch(() => undefined);
    await gone;
    killed = afterKill(browser);
  }
  await browser.kill();
  return results;
}

/** What a kill left on disk and what the killed Chromium logged, read before the relaunch touches the profile. */
interface AfterKill {
  disk: string;
  log: string;
}

const afterKill = (browser: SpawnedBrowser): AfterKill => ({
  disk: indexedDbSnapshot(browser.userDataDir),
  log: browser.stderr(),
});

/** Chromium's log lines about storage (IndexedDB, LevelDB), the last few. */
const storageLines = (log: string) =>
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
