/**
 * Ids a team lead never has to type: made from the title or label they wrote,
 * in the shapes the pack schema requires, and unique among their siblings.
 */

const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

function words(text: string): string[] {
  return text
    .replace(/[æøåÆØÅ]/g, (c) => DANISH[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
}

function unique(base: string, taken: Iterable<string>, join: string): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${join}${n}`)) return `${base}${join}${n}`;
}

/**
 * `Borgerens ønsker` → `borgerens_ønsker` (template field ids, pack format 5):
 * the label in lower case, `_` for spaces and punctuation, Danish letters kept
 * and other accents dropped (`Café` → `cafe`); `felt_` first if it would not
 * start with a letter, and `_2`, `_3` … when the template has it already.
 */
export function fieldIdFrom(label: string, taken: Iterable<string>): string {
  const parts = label
    .toLowerCase()
    .replace(/[^æøå]/g, (c) => c.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .split(/[^a-z0-9æøå]+/)
    .filter(Boolean);
  let id = parts.join('_');
  if (!/^[a-zæøå]/.test(id)) id = id ? `felt_${id}` : 'felt';
  return unique(id.slice(0, 36).replace(/_+$/, ''), taken, '_');
}

/** `Partshøring før afgørelse` → `partshoering-foer-afgoerelse` (kebab case). */
export function slugFrom(text: string, fallback: string): string {
  const slug = words(text).join('-').toLowerCase().slice(0, 40).replace(/-+$/, '');
  return slug || fallback;
}

/** Template and checklist ids live under the pack's id: `kommune.pakke.kontaktnotat`. */
export function itemIdUnderPack(packId: string, title: string, fallback: string, taken: Iterable<string>): string {
  const prefix = packId.trim() || 'pakke';
  return unique(`${prefix}.${slugFrom(title, fallback)}`.slice(0, 76), taken, '-');
}

/** Checklist item ids start with a letter. */
export function checklistItemIdFrom(title: string, taken: Iterable<string>): string {
  let id = slugFrom(title, 'punkt');
  if (!/^[a-z]/.test(id)) id = `punkt-${id}`;
  return unique(id.slice(0, 36), taken, '-');
}

export const newKey = () => crypto.randomUUID();
