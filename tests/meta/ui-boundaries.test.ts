import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from './import-graph';

/**
 * Components are feature folders (components/notes, components/privacy, …), the
 * shared kit (components/ui) and two shells that compose features: the panel's
 * tabs (components/panel) and the options page (components/options). A feature
 * imports the kit and lib/, never another feature and never a shell; the kit
 * imports no feature and no shell.
 */
const KIT = 'ui';
const SHELLS = new Set(['panel', 'options']);

/**
 * Feature-to-feature imports that stay for now, each with its reason
 * ("from-folder -> to-folder"). An entry no import needs any more fails the test.
 */
const EXCEPTIONS: Record<string, string> = {
  'summary -> privacy':
    "the caseload list (composed by the options page) marks each citizen due for deletion with privacy's own badge and retention setting: one rule, rendered one way",
};

const folderOf = (path: string): string | null => /^components\/([^/]+)\//.exec(path)?.[1] ?? null;

let memo: Map<string, string[]> | undefined;
function crossings(): Map<string, string[]> {
  if (memo) return memo;
  const found = new Map<string, string[]>();
  for (const file of sourceFiles('components')) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const from = folderOf(file)!;
    if (SHELLS.has(from)) continue;
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to === null || to === from) continue;
      if (from !== KIT && to === KIT) continue;
      const key = `${from} -> ${to}`;
      found.set(key, [...(found.get(key) ?? []), `${file} imports ${target}`]);
    }
  }
  memo = found;
  return found;
}

describe('UI boundaries (components/)', { timeout: 60_000 }, () => {
  it('feature folders import only the kit and lib/; the kit imports no feature or shell', () => {
    const unexpected = [...crossings()].filter(([key]) => !(key in EXCEPTIONS)).flatMap(([, lines]) => lines);
    expect(unexpected).toEqual([]);
  });

  it('every listed exception is still needed', () => {
    const present = new Set(crossings().keys());
    expect(Object.keys(EXCEPTIONS).filter((key) => !present.has(key))).toEqual([]);
  });

  it('finds imports through the alias, relative paths and import()', () => {
    const imports = importsOf('components/panel/CitizenView.tsx');
    expect(imports.some((path) => path.startsWith('components/'))).toBe(true);
    expect(imports.some((path) => path.startsWith('lib/'))).toBe(true);
  });
});
