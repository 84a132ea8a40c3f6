import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The check `npm start` and `npm test` run first (scripts/setup.mjs), run on a
 * copy of the project's package files in a temporary folder, with `npm` and
 * `apt-get` replaced by stubs on PATH that record their calls. No network.
 */
const ROOT = resolve(__dirname, '../..');

let dir: string;
let bin: string;
let calls: string;

function stub(name: string, body: string) {
  const file = join(bin, name);
  writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${body}\n`);
  chmodSync(file, 0o755);
}

function run(args: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(dir, 'scripts/setup.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      SIDEVOGN_CHROMIUM_CANDIDATES: join(dir, 'chromium'),
      SIDEVOGN_OS_RELEASE: join(dir, 'os-release'),
      ...env,
    },
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    calls: existsSync(calls) ? readFileSync(calls, 'utf8') : '',
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sidevogn-setup-'));
  bin = join(dir, 'bin');
  calls = join(dir, 'calls.log');
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(bin);
  copyFileSync(join(ROOT, 'scripts/setup.mjs'), join(dir, 'scripts/setup.mjs'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(ROOT, 'package-lock.json'), join(dir, 'package-lock.json'));
  writeFileSync(join(dir, 'os-release'), 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\n');
  // What `npm ci` leaves behind: the hidden lockfile (the lock's installed packages) and .wxt/.
  writeFileSync(
    join(dir, 'hidden.cjs'),
    `const fs = require('fs');
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const packages = {};
for (const [k, v] of Object.entries(lock.packages)) if (k && !v.optional) packages[k] = v;
fs.mkdirSync('node_modules', { recursive: true });
fs.writeFileSync('node_modules/.package-lock.json', JSON.stringify({ ...lock, packages }));
fs.mkdirSync('.wxt', { recursive: true });
fs.writeFileSync('.wxt/tsconfig.json', '{}');`,
  );
  stub('npm', `echo "cwd $(pwd)" >> "${calls}"\nnode "${join(dir, 'hidden.cjs')}"`);
  stub('apt-get', `[ "$1" = install ] && touch "${join(dir, 'chromium')}"\nexit 0`);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const installed = () => {
  spawnSync(process.execPath, [join(dir, 'hidden.cjs')], { cwd: dir });
  writeFileSync(join(dir, 'chromium'), '');
};

describe('npm start / npm test set-up check', () => {
  it('runs `npm ci` in the project, saying so, when node_modules is missing', () => {
    const r = run(['--no-browser']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('node_modules is missing; running `npm ci`');
    expect(r.calls).toBe(`npm ci --no-audit --no-fund\ncwd ${dir}\n`);
  });

  it('does nothing when node_modules matches the lock and Chromium is there', () => {
    installed();
    const r = run();
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: '', calls: '' });
  });

  it('warns, in one line, when the Chromium found is older than the one the tests are checked on', () => {
    installed();
    const chromium = (version: string) => {
      writeFileSync(
        join(dir, 'chromium'),
        `#!/bin/sh\necho "Chromium ${version} built on Debian GNU/Linux 12 (bookworm)"\n`,
      );
      chmodSync(join(dir, 'chromium'), 0o755);
    };
    chromium('150.0.7871.100');
    const old = run();
    expect(old.status).toBe(0);
    expect(old.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/is Chromium 150; the tests are checked on 156 .*apt-get update/),
    ]);
    chromium('156.0.8078.129');
    expect(run()).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('runs `npm ci` when an installed version differs from package-lock.json', () => {
    installed();
    const hiddenPath = join(dir, 'node_modules/.package-lock.json');
    const hidden = JSON.parse(readFileSync(hiddenPath, 'utf8'));
    hidden.packages['node_modules/zod'].version = '3.0.0';
    writeFileSync(hiddenPath, JSON.stringify(hidden));
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/zod is 3\.0\.0, the lock says 4\.[\d.]+; running `npm ci`/);
    expect(r.calls).toContain('npm ci');
  });

  it('with Chromium hidden and not root, stops with one line naming the install command and CHROMIUM_PATH', () => {
    installed();
    rmSync(join(dir, 'chromium'));
    const r = run([], { SIDEVOGN_SETUP_UID: '1000' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'sidevogn: No Chromium found. Run `sudo apt-get update && sudo apt-get install -y chromium`, ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary.\n',
    );
    expect(r.calls).toBe('');
  });

  it('as root on Debian, installs Debian’s chromium', () => {
    installed();
    rmSync(join(dir, 'chromium'));
    const r = run([], { SIDEVOGN_SETUP_UID: '0' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("installing Debian's package");
    expect(r.calls).toBe('apt-get update -qq\napt-get install -y -qq chromium\n');
  });

  it('as root on Ubuntu, does not install the snap stub but says what to do', () => {
    installed();
    rmSync(join(dir, 'chromium'));
    writeFileSync(join(dir, 'os-release'), 'ID=ubuntu\nID_LIKE=debian\n');
    const r = run([], { SIDEVOGN_SETUP_UID: '0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('snap');
    expect(r.stderr).toContain('CHROMIUM_PATH');
    expect(r.calls).toBe('');
  });

  it('does not need Chromium for `npm start -- --no-browser`, and hands the arguments on', () => {
    installed();
    rmSync(join(dir, 'chromium'));
    mkdirSync(join(dir, 'tests/harness'), { recursive: true });
    writeFileSync(
      join(dir, 'tests/harness/start.mjs'),
      "import { writeFileSync } from 'node:fs'; writeFileSync('started.json', JSON.stringify(process.argv.slice(2)));",
    );
    const r = run(['--then', 'tests/harness/start.mjs', '--no-browser', '--port', '5999'], {
      SIDEVOGN_SETUP_UID: '1000',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'started.json'), 'utf8'))).toEqual(['--no-browser', '--port', '5999']);
  });

  it('names the Node version it needs instead of failing with a stack trace', () => {
    installed();
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, engines: { node: '>=99.1' } }));
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^sidevogn: Sidevogn needs Node >=99\.1 \(package\.json "engines"\); this is Node \d+\.\d+\.\d+\./,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.calls).toBe('');
  });
});
