import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small disk for one browser profile: a tmpfs mounted for the test
 * (root only, as CI runs; the policy tests need root too). `fill()` writes a
 * file until the disk says ENOSPC, as a caseworker's disk fills up with
 * something else (and keeps it full); `makeRoom()` deletes it again. Chromium sees nothing but a
 * full disk: no fake, no flag.
 */
export interface SmallDisk {
  /** The profile directory, on the small disk. */
  profile: string;
  fill(): void;
  makeRoom(): void;
  /** Bytes still free. */
  free(): number;
  unmount(): void;
}

const ZEROS = Buffer.alloc(1 << 20);

export function mountSmallDisk(sizeMb = 128): SmallDisk {
  const mountPoint = mkdtempSync(join(tmpdir(), 'sidevogn-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', mountPoint], {
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(mountPoint, { recursive: true, force: true });
    throw new Error(
      `This test runs a browser profile on a small disk of its own (a tmpfs) and fills it; mounting one needs root ` +
        `(CI runs as root). mount said: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`,
    );
  }
  const profile = join(mountPoint, 'profile');
  mkdirSync(profile);
  const filler = join(mountPoint, 'filler');
  let keepFull: ReturnType<typeof setInterval> | undefined;
  /** Appends to the filler until the disk says ENOSPC: big blocks first, then ever smaller ones, down to one page. */
  const topUp = () => {
    const fd = openSync(filler, 'a');
    try {
      for (let block = ZEROS.length; block >= 4096; block >>= 1) {
        try {
          for (;;) writeSync(fd, ZEROS, 0, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        }
      }
    } finally {
      closeSync(fd);
    }
  };
  const free = () => {
    const s = statfsSync(mountPoint);
    return s.bavail * s.bsize;
  };
  return {
    profile,
    free,
    fill() {
      topUp();
      // Chromium frees space now and then (LevelDB compactions delete files, caches
      // shrink): keep the disk full, as whatever filled it would, until makeRoom().
      keepFull ??= setInterval(topUp, 20);
    },
    makeRoom() {
      clearInterval(keepFull);
      keepFull = undefined;
      rmSync(filler, { force: true });
    },
    unmount() {
      clearInterval(keepFull);
      // Lazy: a browser process still closing may hold a file open for a moment.
      execFileSync('umount', ['-l', mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    },
  };
}
