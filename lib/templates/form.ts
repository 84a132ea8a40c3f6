import type { PrefillSource, Template, TemplateField } from './schema';
import { parseBody, renderTokens, tidy, type RenderScope } from './render';

/** What a caseworker has entered: by field id. */
export type FieldValue = string | number | boolean | string[] | null;
export type FormValues = Record<string, FieldValue>;

/** Known values the form can start from. */
export type PrefillContext = Partial<Record<PrefillSource, string>>;

/** Today as YYYY-MM-DD in local time. */
export function isoToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `03.12.2026 kl. 10:00` or `03.12.2026` → `2026-12-03`. */
export function danishDateToIso(text: string): string | null {
  const m = /(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

function prefillValue(field: TemplateField, context: PrefillContext): FieldValue | undefined {
  if (!field.prefill) return undefined;
  const known = field.prefill === 'today' ? isoToday() : context[field.prefill];
  if (!known) return undefined;
  if (field.kind === 'date') {
    if (field.prefill === 'today') return known;
    const iso = danishDateToIso(known);
    // A meeting the case system shows in the past is not the next contact.
    if (iso && field.prefill === 'citizen.naesteMoede' && iso < isoToday()) return undefined;
    return iso;
  }
  return field.kind === 'text' || field.kind === 'textarea' ? known : undefined;
}

function defaultValue(field: TemplateField): FieldValue {
  switch (field.kind) {
    case 'date':
      return field.default === 'today' ? isoToday() : (field.default ?? null);
    case 'choices':
      return field.default ?? [];
    case 'yesno':
      return field.default ?? null;
    case 'number':
      return field.default ?? null;
    default:
      return field.default ?? '';
  }
}

export function initialValues(template: Template, context: PrefillContext): FormValues {
  return Object.fromEntries(template.fields.map((f) => [f.id, prefillValue(f, context) ?? defaultValue(f)]));
}

export function isEmpty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function isVisible(template: Template, field: TemplateField, values: FormValues): boolean {
  if (!field.showWhen) return true;
  const controller = template.fields.find((f) => f.id === field.showWhen!.field);
  if (!controller || !isVisible(template, controller, values)) return false;
  const value = values[controller.id];
  return Array.isArray(value) ? value.includes(String(field.showWhen.equals)) : value === field.showWhen.equals;
}

/** Required fields the caseworker can see and has not filled. */
export function missingRequired(template: Template, values: FormValues): TemplateField[] {
  return template.fields.filter((f) => f.required && isVisible(template, f, values) && isEmpty(values[f.id]));
}

const listJoin = new Intl.ListFormat('da', { style: 'long', type: 'conjunction' });
const numberFormat = new Intl.NumberFormat('da-DK');

export function formatValue(field: TemplateField, value: FieldValue | undefined): string {
  if (isEmpty(value)) return '';
  switch (field.kind) {
    case 'date': {
      const [y, m, d] = String(value).split('-');
      return `${d}.${m}.${y}`;
    }
    case 'number':
      return `${numberFormat.format(Number(value))}${field.unit ? ` ${field.unit}` : ''}`;
    case 'choice':
      return field.options.find((o) => o.value === value)?.label ?? '';
    case 'choices': {
      const labels = field.options.filter((o) => (value as string[]).includes(o.value)).map((o) => o.label);
      return field.style === 'sentences'
        ? labels.map((l) => (/[.!?]$/.test(l) ? l : `${l}.`)).join(' ')
        : listJoin.format(labels);
    }
    case 'yesno':
      return value ? 'ja' : 'nej';
    case 'textarea': {
      // Typed text ends a sentence of the note: give it a full stop when it has none.
      const text = String(value).trimEnd();
      return /[\p{L}\p{N})\]»"]$/u.test(text) ? `${text}.` : text;
    }
    default:
      return String(value).trimEnd();
  }
}

/** The finished note text. Hidden fields count as empty, so they never leak into it. */
export function renderNote(template: Template, values: FormValues): string {
  const byId = new Map(template.fields.map((f) => [f.id, f]));
  const shown = (id: string) => {
    const field = byId.get(id);
    return field && isVisible(template, field, values) ? values[id] : undefined;
  };
  const scope: RenderScope = {
    text: (name) => {
      const field = byId.get(name);
      return field ? formatValue(field, shown(name)) : '';
    },
    has: (name, equals) => {
      const value = shown(name);
      if (equals === null) return !isEmpty(value) && value !== false;
      if (typeof value === 'boolean') return String(value) === equals;
      return Array.isArray(value) ? value.includes(equals) : value === equals;
    },
  };
  return tidy(renderTokens(parseBody(template.body), scope));
}

export type Validity = { status: 'valid' } | { status: 'expired'; on: string } | { status: 'not-yet'; from: string };

export function validityOn(template: Template, today = isoToday()): Validity {
  if (today < template.validFrom) return { status: 'not-yet', from: template.validFrom };
  if (template.validTo && today > template.validTo) return { status: 'expired', on: template.validTo };
  return { status: 'valid' };
}
