import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the built extension on a fresh
// profile (see tests/e2e/fixtures.ts); global setup builds the extension once.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.SIDEVOGN_OUT ? `${process.env.SIDEVOGN_OUT}/test-results` : 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    // A failed test keeps its trace: the actions, the console and the screencast frames. Without
    // the DOM snapshot of every action, whose recording cost about a tenth of the suite's time
    // (2026-12-07: 116 and 125 s against 132 and 140 s for three specs, off 119 and 123 s).
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: true, sources: false },
  },
  projects: [
    // The SIGKILL loops take minutes each (crash-import 3–4 min): from the start, one after the
    // other on one worker while the other worker runs the rest. Queued with the rest by worker
    // options, they came last (`trace: 'off'`), and the pack loop ended the run alone.
    { name: 'crash', testMatch: /\/crash-(import|backup-import|erase)\.spec\.ts/, workers: 1 },
    { name: 'e2e', testIgnore: /(policy|self-hosted|crash-(import|backup-import|erase))\.spec\.ts/ },
    // Write machine-wide Chromium policy files, so they run after everything else, one after the other.
    { name: 'policy', testMatch: /\/policy\.spec\.ts/, dependencies: ['crash', 'e2e'] },
    { name: 'self-hosted', testMatch: /self-hosted\.spec\.ts/, dependencies: ['policy'] },
  ],
});
