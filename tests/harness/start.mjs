// `npm start`: build the extension, serve the demo case system and open
// Chromium with Sidevogn loaded on it.
//
//   npm start                                  a browser window; Ctrl+C or close it to stop
//   npm start -- --headless --screenshot out.png
//                                              no display: open a citizen, wait for the
//                                              panel, save a screenshot, exit
//   npm start -- --no-build --port 5180        reuse the last build, fixed port
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCaseSystem } from '../case-system/server.mjs';
import { extensionArgs, findChromium, launchWithExtension, prepareProfile, ROOT } from './chromium.mjs';

const { values: opts } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '5180' },
    profile: { type: 'string', default: join(ROOT, '.cache/profile') },
  },
});

const chromiumPath = findChromium(); // fail early, with the install command, if none
if (!opts['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startCaseSystem({ port: Number(opts.port) });
mkdirSync(opts.profile, { recursive: true });
console.log(`Demo case system: ${server.url}/`);

if (opts.headless || opts.screenshot) {
  const out = resolve(opts.screenshot ?? 'sidevogn.png');
  const { context } = await launchWithExtension(opts.profile, { headless: opts.headless });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await page.locator('a[href^="/borger/"]').first().click();
    const panel = page.frameLocator('iframe[title^="Sidevogn"]');
    await panel.getByRole('heading', { level: 2, name: /Egne noter|Private notes/ }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: out });
    console.log(`Screenshot: ${out}`);
  } finally {
    await context.close();
    await server.close();
  }
} else {
  prepareProfile(opts.profile);
  const browser = spawn(chromiumPath, [...extensionArgs(), `--user-data-dir=${opts.profile}`, `${server.url}/`], {
    stdio: 'ignore',
  });
  const stop = async () => {
    browser.kill();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.on('exit', () => void stop());
  console.log('Chromium is open with Sidevogn. Close it or press Ctrl+C to stop.');
}
