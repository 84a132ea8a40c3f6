import { compareSemver, semver } from '../schema';

export type Bump = 'major' | 'minor' | 'patch';

/** `1.4.2` → minor → `1.5.0`. An unreadable version starts over at 1.0.0. */
export function bumpVersion(version: string, bump: Bump): string {
  if (!semver.safeParse(version).success) return '1.0.0';
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/** The highest of the given versions (ignoring unreadable ones), or null. */
export function highestVersion(versions: string[]): string | null {
  const valid = versions.filter((v) => semver.safeParse(v).success);
  return valid.length ? valid.sort(compareSemver).at(-1)! : null;
}
