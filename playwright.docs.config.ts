import { defineConfig } from '@playwright/test';

// `npm run docs:screenshots`: the screenshots in docs/it.md (tests/docs), not part
// of `npm test`. They write a machine-wide Chromium policy file, so one at a time,
// as root. Global setup builds the extension, as for the e2e tests.
export default defineConfig({
  testDir: 'tests/docs',
  outputDir: process.env.SIDEVOGN_OUT ? `${process.env.SIDEVOGN_OUT}/docs-results` : 'test-results/docs',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
