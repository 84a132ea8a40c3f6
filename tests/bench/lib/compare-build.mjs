// npm run bench -- --compare <commit>: the reference build. The commit is
// checked out as a detached git worktree in a temporary directory and built
// there into an output directory of its own (SIDEVOGN_OUT), so the working
// tree and its .output stay as they are. Its dependencies are this
// checkout's node_modules (a symlink) when the two lockfiles are the same,
// and otherwise installed there with `npm ci` from the warm npm cache.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd, args, options) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.status}): ${(r.stderr || r.stdout || '').trim().slice(-2000)}`,
    );
  return r.stdout.trim();
}

/**
 * Checks out and builds `commit` of the repository at `root`. Returns
 * { sha, label, refDir, deps, cleanup() }: refDir is the built extension
 * (chrome-mv3), deps says how its dependencies were provided.
 */
export function buildReference(root, commit, { log = console.log } = {}) {
  const sha = run('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: root });
  const short = sha.slice(0, 7);
  const subject = run('git', ['log', '-1', '--format=%s', sha], { cwd: root }).slice(0, 60);
  const dir = mkdtempSync(join(tmpdir(), `sidevogn-compare-${short}-`));
  const src = join(dir, 'src');
  const out = join(dir, 'out');
  const cleanup = () => {
    spawnSync('git', ['worktree', 'remove', '--force', src], { cwd: root });
    rmSync(dir, { recursive: true, force: true });
    spawnSync('git', ['worktree', 'prune'], { cwd: root });
  };
  try {
    log(`Reference ${short} (${subject}): git worktree in ${src}`);
    run('git', ['worktree', 'add', '--detach', src, sha], { cwd: root });
    const lockThere = readFileSync(join(src, 'package-lock.json'), 'utf8');
    const lockHere = readFileSync(join(root, 'package-lock.json'), 'utf8');
    let deps;
    if (lockThere === lockHere && existsSync(join(root, 'node_modules'))) {
      symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'), 'dir');
      deps = "this checkout's node_modules (same lockfile)";
    } else {
      log('  its lockfile differs: npm ci there (from the npm cache)…');
      run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: src,
        env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      deps = 'npm ci (its own lockfile)';
    }
    log(`  building it (npx wxt build, SIDEVOGN_OUT=${out})…`);
    run('npx', ['wxt', 'build'], { cwd: src, env: { ...process.env, SIDEVOGN_OUT: out } });
    // Commits from before SIDEVOGN_OUT build into their own .output.
    const refDir = [join(out, 'chrome-mv3'), join(src, '.output', 'chrome-mv3')].find((d) =>
      existsSync(join(d, 'manifest.json')),
    );
    if (!refDir) throw new Error(`The reference build of ${short} has no manifest.json`);
    return { sha, short, label: `${short} (${subject})`, refDir, deps, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
