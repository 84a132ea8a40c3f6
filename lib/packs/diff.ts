import { canonicalJson } from './signing';
import type { Pack } from './schema';

/** What an update changes, item by item, so the caseworker sees it before it applies. */
export interface PackDiff {
  from: string;
  to: string;
  added: DiffItem[];
  removed: DiffItem[];
  changed: DiffItem[];
}
export interface DiffItem {
  kind: 'template' | 'checklist' | 'adapter';
  id: string;
  title: string;
}

const KINDS = [
  ['templates', 'template'],
  ['checklists', 'checklist'],
  ['adapters', 'adapter'],
] as const;

export function diffPacks(from: Pack, to: Pack): PackDiff {
  const diff: PackDiff = { from: from.version, to: to.version, added: [], removed: [], changed: [] };
  for (const [key, kind] of KINDS) {
    const before = new Map<string, { id: string }>(from[key].map((x) => [x.id, x]));
    const after = new Map<string, { id: string }>(to[key].map((x) => [x.id, x]));
    const title = (x: { id: string }) => ('title' in x ? String(x.title) : 'name' in x ? String(x.name) : x.id);
    for (const [id, x] of after) {
      const old = before.get(id);
      if (!old) diff.added.push({ kind, id, title: title(x) });
      else if (canonicalJson(old) !== canonicalJson(x)) diff.changed.push({ kind, id, title: title(x) });
    }
    for (const [id, x] of before) if (!after.has(id)) diff.removed.push({ kind, id, title: title(x) });
  }
  return diff;
}
