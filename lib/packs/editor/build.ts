import type { Checklist } from '../../checklists/schema';
import type { PrefillContext } from '../../templates/form';
import type { Template, TemplateField } from '../../templates/schema';
import { parseBody, referencedNames, TemplateSyntaxError } from '../../templates/render';
import { PACK_FORMAT, type Pack } from '../schema';
import { validatePack, type PackParse } from '../validate';
import type { DraftChecklist, DraftField, DraftItem, DraftTemplate, FieldKind, PackDraft } from './draft';
import { checklistItemIdFrom, fieldIdFrom, itemIdUnderPack, newKey } from './ids';
import { bumpVersion, highestVersion, type Bump } from './version';

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

// ---- New, empty things ---------------------------------------------------------

export function newPackDraft(today: string): PackDraft {
  return {
    id: '',
    name: '',
    publisher: '',
    version: '1.0.0',
    baseVersion: null,
    changelogHistory: [],
    changes: 'Første udgave.',
    changesDate: today,
    validFrom: today,
    validTo: '',
    templates: [],
    checklists: [],
    adapters: [],
  };
}

export function newField(kind: FieldKind = 'text'): DraftField {
  return {
    key: newKey(),
    id: '',
    autoId: true,
    kind,
    label: '',
    help: '',
    required: false,
    default: '',
    defaults: [],
    style: 'list',
    showWhenField: '',
    showWhenEquals: '',
    prefill: '',
    options: [],
    min: '',
    max: '',
    unit: '',
  };
}

export function newTemplate(pack: PackDraft, today: string): DraftTemplate {
  return {
    key: newKey(),
    id: '',
    autoId: true,
    title: '',
    meetingType: 'kontaktnotat',
    description: '',
    legalBasis: '',
    sourceUrl: 'https://',
    checkedAt: today,
    validFrom: pack.validFrom || today,
    validTo: '',
    fields: [],
    body: '',
  };
}

export function newItem(): DraftItem {
  return {
    key: newKey(),
    id: '',
    autoId: true,
    title: '',
    help: '',
    legalBasis: '',
    sourceUrl: '',
    required: false,
    noteText: '',
    field: '',
    tickedByInsert: false,
  };
}

export function newChecklist(pack: PackDraft, today: string): DraftChecklist {
  return {
    key: newKey(),
    id: '',
    autoId: true,
    title: '',
    meetingType: 'kontaktnotat',
    templateId: '',
    legalBasis: '',
    sourceUrl: 'https://',
    checkedAt: today,
    validFrom: pack.validFrom || today,
    validTo: '',
    items: [newItem()],
  };
}

// ---- From an existing pack -------------------------------------------------------

function fieldToDraft(f: TemplateField): DraftField {
  const base = {
    ...newField(f.kind),
    id: f.id,
    autoId: false,
    label: f.label,
    help: f.help ?? '',
    required: f.required,
    showWhenField: f.showWhen?.field ?? '',
    showWhenEquals: f.showWhen ? String(f.showWhen.equals) : '',
    prefill: f.prefill ?? '',
  } satisfies DraftField;
  switch (f.kind) {
    case 'number':
      return {
        ...base,
        default: f.default === undefined ? '' : String(f.default),
        min: f.min === undefined ? '' : String(f.min),
        max: f.max === undefined ? '' : String(f.max),
        unit: f.unit ?? '',
      };
    case 'choice':
      return { ...base, options: f.options.map((o) => ({ key: newKey(), ...o })), default: f.default ?? '' };
    case 'choices':
      return {
        ...base,
        options: f.options.map((o) => ({ key: newKey(), ...o })),
        defaults: f.default ?? [],
        style: f.style,
      };
    case 'yesno':
      return { ...base, default: f.default === undefined ? '' : String(f.default) };
    default:
      return { ...base, default: f.default ?? '' };
  }
}

function templateToDraft(t: Template): DraftTemplate {
  return {
    key: newKey(),
    id: t.id,
    autoId: false,
    title: t.title,
    meetingType: t.meetingType,
    description: t.description ?? '',
    legalBasis: t.legalBasis,
    sourceUrl: t.sourceUrl,
    checkedAt: t.checkedAt,
    validFrom: t.validFrom,
    validTo: t.validTo ?? '',
    fields: t.fields.map(fieldToDraft),
    body: t.body,
    target: t.target ?? '',
    replaces: t.replaces ?? '',
    shortcut: t.shortcut ?? '',
  };
}

function checklistToDraft(c: Checklist): DraftChecklist {
  return {
    key: newKey(),
    id: c.id,
    autoId: false,
    title: c.title,
    meetingType: c.meetingType,
    templateId: c.templateId ?? '',
    legalBasis: c.legalBasis,
    sourceUrl: c.sourceUrl,
    checkedAt: c.checkedAt,
    validFrom: c.validFrom,
    validTo: c.validTo ?? '',
    replaces: c.replaces ?? '',
    items: c.items.map((i) => ({
      key: newKey(),
      id: i.id,
      autoId: false,
      title: i.title,
      help: i.help ?? '',
      legalBasis: i.legalBasis ?? '',
      sourceUrl: i.sourceUrl ?? '',
      required: i.required,
      noteText: i.noteText ?? '',
      field: i.field ?? '',
      tickedByInsert: i.tickedBy === 'inserted',
    })),
  };
}

/**
 * A loaded pack becomes the next version of itself: the version is bumped
 * past the highest one known (the pack's own and any installed), a new
 * changelog entry is opened, and the old signature is dropped (it would no
 * longer match). Ids stay as they were, so caseworkers' work carries over.
 */
export function draftFromPack(
  pack: Pack,
  options: { today: string; installedVersions?: string[]; bump?: Bump },
): PackDraft {
  const base = highestVersion([pack.version, ...(options.installedVersions ?? [])]) ?? pack.version;
  return {
    id: pack.id,
    name: pack.name,
    publisher: pack.publisher,
    version: bumpVersion(base, options.bump ?? 'minor'),
    baseVersion: base,
    changelogHistory: pack.changelog,
    changes: '',
    changesDate: options.today,
    validFrom: pack.validFrom,
    validTo: pack.validTo ?? '',
    templates: pack.templates.map(templateToDraft),
    checklists: pack.checklists.map(checklistToDraft),
    adapters: pack.adapters,
  };
}

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
    legalBasis: t.legalBasis,
    sourceUrl: t.sourceUrl.trim(),
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

// ---- Ids that follow titles, and renames that follow ids -----------------------

const TAG_NAME = (name: string) =>
  new RegExp(`(\\{\\{\\s*[#^/]?\\s*)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s*(?:=[^}]*)?\\}\\})`, 'g');

/** Renames a field in a note body: `{{old}}`, `{{#old}}`, `{{/old=x}}` … */
export function renameInBody(body: string, from: string, to: string): string {
  if (!from || from === to) return body;
  return body.replace(TAG_NAME(from), `$1${to}`);
}

function withAutoFieldIds(t: DraftTemplate): DraftTemplate {
  const fields = [...t.fields];
  let body = t.body;
  fields.forEach((f, i) => {
    if (!f.autoId) return;
    const id = fieldIdFrom(
      f.label,
      fields.filter((_, j) => j !== i).map((o) => o.id),
    );
    if (id === f.id) return;
    if (f.id) {
      body = renameInBody(body, f.id, id);
      fields.forEach((o, j) => {
        if (o.showWhenField === f.id) fields[j] = { ...o, showWhenField: id };
      });
    }
    fields[i] = { ...fields[i]!, id };
  });
  return fields.some((f, i) => f !== t.fields[i]) || body !== t.body ? { ...t, fields, body } : t;
}

/**
 * Run after every edit: items whose id follows their title get it, and a
 * template whose id changes is followed by the checklists linked to it.
 */
export function applyAutoIds(d: PackDraft): PackDraft {
  const templates = d.templates.map(withAutoFieldIds);
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
