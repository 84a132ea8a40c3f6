import type { Checklist } from '../../checklists/schema';
import type { Template, TemplateField } from '../../templates/schema';
import type { Pack } from '../schema';
import type { DraftChecklist, DraftField, DraftItem, DraftTemplate, FieldKind, PackDraft } from './draft';
import { newKey } from './ids';
import { bumpVersion, highestVersion, type Bump } from './version';

/**
 * Drafts for the pack editor: new, empty ones, and ones made from an existing
 * pack (lib/packs/editor/build.ts turns a draft back into a pack).
 */
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
    internal: t.internal ?? false,
    legalBasis: t.legalBasis ?? '',
    sourceUrl: t.sourceUrl ?? '',
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
