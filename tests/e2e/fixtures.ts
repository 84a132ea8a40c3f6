import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCaseSystem } from '../case-system/server.mjs';
import { launchWithExtension, spawnWithExtension, removeProfile } from '../harness/chromium.mjs';
import { CaseSystem } from './pages/case-system';
import { setUpPassphrase } from './pages/lock';

export { setUpPassphrase, unlock, PASSPHRASE } from './pages/lock';

export interface SpawnedBrowser {
  context: BrowserContext;
  /** The CDP connection to it (closing it leaves the browser running). */
  browser: Browser;
  pid: number;
  userDataDir: string;
  wsEndpoint: string;
  /** What this Chromium wrote to stderr (the last 64 KB). */
  stderr(): string;
  /** SIGKILL every process of the profile at once (its process group). */
  kill(): Promise<void>;
  /** Processes of the profile found outside the process group at a kill (and killed after it). */
  strays: number[];
  processGroup: number;
}

interface Fixtures {
  /**
   * Whether the first launch on a profile sets the passphrase through the
   * options page (the caseworker's first run). Default true; a relaunch is
   * locked, as after a real restart: call `unlock(context)`.
   */
  setUp: boolean;
  /** Further Chromium flags for `launch()` (e.g. `--host-resolver-rules=…`). Default none. */
  browserArgs: string[];
  /** Further environment variables for `launch()` (e.g. `TZ`). Default none. */
  browserEnv: Record<string, string>;
  /** Developer mode in the profile: only for a test that reloads the extension. Default off, as a caseworker has it. */
  developerMode: boolean;
  /** A fresh browser profile directory, removed after the test. */
  profileDir: string;
  /** Launch (or relaunch) Chromium with the extension on `profileDir`. */
  launch(): Promise<BrowserContext>;
  /** Chromium as our own child process, for SIGKILL crash tests. */
  spawn(): Promise<SpawnedBrowser>;
  context: BrowserContext;
  page: Page;
  caseSystem: CaseSystem;
  /** Opens the extension's options page in a new tab. */
  openOptions(): Promise<Page>;
}

interface WorkerFixtures {
  caseSystemUrl: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  caseSystemUrl: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startCaseSystem();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sidevogn-profile-'));
    await use(dir);
    removeProfile(dir);
  },
  setUp: [true, { option: true }],
  browserArgs: [[], { option: true }],
  browserEnv: [{}, { option: true }],
  developerMode: [false, { option: true }],
  launch: async ({ profileDir, setUp, browserArgs, browserEnv, developerMode }, use) => {
    const opened: BrowserContext[] = [];
    await use(async () => {
      const { context } = await launchWithExtension(profileDir, {
        args: browserArgs,
        developerMode,
        ...(Object.keys(browserEnv).length ? { env: browserEnv } : {}),
      });
      opened.push(context);
      if (setUp && opened.length === 1) await setUpPassphrase(context);
      return context;
    });
    for (const context of opened) await context.close().catch(() => undefined);
  },
  spawn: async ({ profileDir, setUp, developerMode }, use) => {
    const spawned: SpawnedBrowser[] = [];
    await use(async () => {
      const browser: SpawnedBrowser = await spawnWithExtension(profileDir, { profile: { developerMode } });
      spawned.push(browser);
      if (setUp && spawned.length === 1) await setUpPassphrase(browser.context);
      return browser;
    });
    for (const b of spawned) {
      // Disconnect first: a context still connected when its browser dies fails the run's
      // teardown now and then ("apiRequestContext … has been closed"), though the test passed.
      await b.browser.close().catch(() => undefined);
      await b.kill().catch(() => undefined);
    }
  },
  context: async ({ launch }, use) => {
    await use(await launch());
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  openOptions: async ({ context }, use) => {
    await use(async () => {
      const [worker] = context.serviceWorkers();
      const options = await context.newPage();
      await options.goto(`chrome-extension://${new URL(worker!.url()).host}/options.html`);
      return options;
    });
  },
  caseSystem: async ({ page, caseSystemUrl }, use) => {
    await use(new CaseSystem(page, caseSystemUrl));
  },
});

export { expect };
