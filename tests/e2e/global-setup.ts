import { spawnSync } from 'node:child_process';
import { assertExtensionBuilt, findChromium, ROOT } from '../harness/chromium.mjs';

/** Builds the extension once per run (skip with SIDEVOGN_SKIP_BUILD=1) and checks Chromium is there. */
export default function globalSetup(): void {
  findChromium();
  if (process.env.SIDEVOGN_SKIP_BUILD !== '1') {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('wxt build failed');
  }
  assertExtensionBuilt();
}
