import type { PrefillContext } from '../../templates/form';
import { parseBody, referencedNames, TemplateSyntaxError } from '../../templates/render';
import { PACK_FORMAT, type Pack } from '../schema';
import { validatePack, type PackParse } from '../validate';
import type { DraftChecklist, DraftField, DraftTemplate, PackDraft } from './draft';
import { checklistItemIdFrom, fieldIdFrom, itemIdUnderPack } from './ids';

export { draftFromPack, newChecklist, newField, newItem, newPackDraft, newTemplate } from './to-draft';

/** Values the preview fills in where the caseworker's panel would read them from the page. */
export const SAMPLE_PREFILL: PrefillContext = {
  'citizen.name': 'Karen Eksempel',
  'citizen.cpr': '010190-1234',
  'citizen.malgruppe': 'Dagpengemodtager',
  'citizen.ydelse': 'Dagpenge',
  'citizen.naesteMoede': '15.01.2027 kl. 10:00',
  'caseworker.name': 'Sagsbehandler Eksempel',
};

const omitEmpty = (value: string) => (value.trim() === '' ? undefined : value);

// ---- To a pack -----------------------------------------------------------------

/** A typed number, or the text itself so validation names the field. */
const numberOrText = (value: string) => {
  if (value.trim() === '') return undefined;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : value;
};

function buildField(f: DraftField, siblings: DraftField[]): unknown {
  const controller = siblings.find((s) => s.id === f.showWhenField);
  const base = {
    id: f.id.trim(),
    kind: f.kind,
    label: f.label,
    help: omitEmpty(f.help),
    required: f.required,
    showWhen: f.showWhenField
      ? {
          field: f.showWhenField,
          equals: controller?.kind === 'yesno' ? f.showWhenEquals === 'true' : f.showWhenEquals,
        }
      : undefined,
    prefill: f.prefill || undefined,
  };
  const options = f.options.map((o) => ({ value: o.value.trim(), label: o.label }));
  switch (f.kind) {
    case 'number':
      return {
        ...base,
        default: numberOrText(f.default),
        min: numberOrText(f.min),
        max: numberOrText(f.max),
        unit: omitEmpty(f.unit),
      };
    case 'choice':
      return { ...base, options, default: omitEmpty(f.default) };
    case 'choices':
      return { ...base, options, default: f.defaults.length ? f.defaults : undefined, style: f.style };
    case 'yesno':
      return { ...base, default: f.default === '' ? undefined : f.default === 'true' };
    default:
      return { ...base, default: omitEmpty(f.default) };
  }
}

export function buildTemplate(t: DraftTemplate): unknown {
  return {
    id: t.id.trim(),
    title: t.title,
    meetingType: t.meetingType,
    description: omitEmpty(t.description),
    // An internal template leaves out a legal basis and source not given (the new template's `https://` included).
    internal: t.internal || undefined,
    legalBasis: t.internal ? omitEmpty(t.legalBasis) : t.legalBasis,
    sourceUrl: t.internal && ['', 'https://'].includes(t.sourceUrl.trim()) ? undefined : t.sourceUrl.trim(),
    checkedAt: t.checkedAt,
    validFrom: t.validFrom,
    validTo: omitEmpty(t.validTo),
    fields: t.fields.map((f) => buildField(f, t.fields)),
    body: t.body,
    target: omitEmpty(t.target ?? ''),
    replaces: omitEmpty(t.replaces ?? '')?.trim(),
    shortcut: omitEmpty(t.shortcut ?? '')?.trim(),
  };
}

export function buildChecklist(c: DraftChecklist): unknown {
  return {
    id: c.id.trim(),
    title: c.title,
    meetingType: c.meetingType,
    templateId: omitEmpty(c.templateId),
    legalBasis: c.legalBasis,
    sourceUrl: c.sourceUrl.trim(),
    checkedAt: c.checkedAt,
    validFrom: c.validFrom,
    validTo: omitEmpty(c.validTo),
    replaces: omitEmpty(c.replaces ?? '')?.trim(),
    items: c.items.map((i) => ({
      id: i.id.trim(),
      title: i.title,
      help: omitEmpty(i.help),
      legalBasis: omitEmpty(i.legalBasis),
      sourceUrl: omitEmpty(i.sourceUrl)?.trim(),
      required: i.required,
      noteText: omitEmpty(i.noteText),
      field: omitEmpty(i.field ?? '')?.trim(),
      tickedBy: i.tickedByInsert ? ('inserted' as const) : undefined,
    })),
  };
}

/**
 * The pack the draft describes, for validatePack(). Empty optional inputs are
 * left out; everything else goes in as typed, so a mistake is reported at the
 * path of the input it was typed in. JSON round trip drops the undefineds.
 */
export function buildPack(d: PackDraft): unknown {
  return JSON.parse(
    JSON.stringify({
      format: PACK_FORMAT,
      id: d.id.trim(),
      name: d.name,
      publisher: d.publisher,
      version: d.version.trim(),
      changelog: [...d.changelogHistory, { version: d.version.trim(), date: d.changesDate, changes: d.changes }],
      validFrom: d.validFrom,
      validTo: omitEmpty(d.validTo),
      templates: d.templates.map(buildTemplate),
      checklists: d.checklists.map(buildChecklist),
      adapters: d.adapters,
    }),
  ) as unknown;
}

// ---- Ids that follow titles ------------------------------------------------------

/** `{{name}}`, `{{#name}}`, `{{/name=x}}` … */
const TAG_NAME = (name: string) =>
  new RegExp(`\\{\\{\\s*[#^/]?\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s*(?:=[^}]*)?\\}\\})`);

/**
 * A field's id follows its label (fieldIdFrom) until something uses it: the
 * note text, another field's "show when", or a checklist item linked to it
 * (`linked`). From then it stays as it is (autoId false), so renaming the
 * label never changes text the team lead wrote.
 */
function withAutoFieldIds(t: DraftTemplate, linked: Set<string>): DraftTemplate {
  const fields = [...t.fields];
  const used = (id: string) =>
    linked.has(id) || TAG_NAME(id).test(t.body) || fields.some((o) => o.showWhenField === id);
  fields.forEach((f, i) => {
    if (!f.autoId) return;
    if (f.id && used(f.id)) {
      fields[i] = { ...f, autoId: false };
      return;
    }
    const id = fieldIdFrom(
      f.label,
      fields.filter((_, j) => j !== i).map((o) => o.id),
    );
    if (id !== f.id) fields[i] = { ...f, id };
  });
  return fields.some((f, i) => f !== t.fields[i]) ? { ...t, fields } : t;
}

/**
 * Run after every edit: items whose id follows their title get it, and a
 * template whose id changes is followed by the checklists linked to it.
 */
export function applyAutoIds(d: PackDraft): PackDraft {
  const templates = d.templates.map((t) => {
    const linked = d.checklists.filter((c) => c.templateId === t.id).flatMap((c) => c.items.map((i) => i.field ?? ''));
    return withAutoFieldIds(t, new Set(linked));
  });
  const renamed = new Map<string, string>();
  templates.forEach((t, i) => {
    if (!t.autoId) return;
    const id = itemIdUnderPack(
      d.id,
      t.title,
      `skabelon-${i + 1}`,
      templates.filter((_, j) => j !== i).map((o) => o.id),
    );
    if (id !== t.id) {
      if (t.id) renamed.set(t.id, id);
      templates[i] = { ...t, id };
    }
  });
  const checklists = d.checklists.map((c, i, all) => {
    let next = c;
    if (c.templateId && renamed.has(c.templateId)) next = { ...next, templateId: renamed.get(c.templateId)! };
    if (c.autoId) {
      const id = itemIdUnderPack(
        d.id,
        `tjekliste ${c.title}`,
        `tjekliste-${i + 1}`,
        all.filter((_, j) => j !== i).map((o) => o.id),
      );
      if (id !== c.id) next = { ...next, id };
    }
    const items = next.items.map((item, j) =>
      item.autoId
        ? {
            ...item,
            id: checklistItemIdFrom(
              item.title,
              next.items.filter((_, k) => k !== j).map((o) => o.id),
            ),
          }
        : item,
    );
    return items.some((item, j) => item.id !== next.items[j]!.id) ? { ...next, items } : next;
  });
  return { ...d, templates, checklists };
}

// ---- Errors beside inputs -------------------------------------------------------

/** Note-body mistakes, found even while other parts of the template are unfinished. */
function bodyErrors(t: DraftTemplate, path: string): string[] {
  const ids = new Set(t.fields.map((f) => f.id.trim()));
  try {
    return [...referencedNames(parseBody(t.body))]
      .filter((name) => !ids.has(name))
      .map((name) => `${path}.body: {{${name}}} is not a field of this template`);
  } catch (e) {
    if (e instanceof TemplateSyntaxError) return [`${path}.body: ${e.message}`];
    throw e;
  }
}

/**
 * validatePack on the built pack, plus the note-body checks the schema only
 * makes once everything else in a template is sound, so the team lead sees a
 * wrong placeholder as they type it.
 */
export function validateDraft(d: PackDraft): PackParse {
  const result = validatePack(buildPack(d));
  if (result.ok) return result;
  const extra = d.templates.flatMap((t, i) => bodyErrors(t, `templates.${i}`));
  return { ok: false, errors: [...new Set([...result.errors, ...extra])] };
}

/** `templates.0.body: {{x}} is not a field` → path `templates.0.body`, reason after the colon. */
export function errorsByPath(errors: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) {
    const at = e.indexOf(': ');
    const path = at < 0 ? '' : e.slice(0, at);
    const reason = at < 0 ? e : e.slice(at + 2);
    map.set(path, [...(map.get(path) ?? []), reason]);
  }
  return map;
}

// ---- Note body helpers ------------------------------------------------------------

/** Puts `snippet` where the selection was; returns the new text and where the caret goes. */
export function insertAtCursor(
  text: string,
  start: number,
  end: number,
  snippet: string,
): { text: string; caret: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + snippet + text.slice(b), caret: a + snippet.length };
}

/** Moves an item one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** A file name for an exported pack: `kommune.pakke-1.2.0.json`. */
export const exportFileName = (pack: Pick<Pack, 'id' | 'version'>) => `${pack.id}-${pack.version}.json`;
