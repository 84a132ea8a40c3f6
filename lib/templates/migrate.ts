import type { FieldValue, FormValues } from './form';
import type { Template } from './schema';

/**
 * Form drafts begun on the 1.0.0 default pack, moved over to the current
 * template of the same id. That pack pre-answered questions that record
 * guidance, a legal step or a fact about the citizen; a draft value equal to
 * such a pre-answer cannot be told from a choice, so it is taken out and the
 * caseworker answers again. Everything typed stays: text fields keep their ids.
 */

/** The 1.0.0 default pack's pre-answers, by template id and field id. */
const V1_DEFAULTS: Record<string, Record<string, FieldValue>> = {
  'dk.default.foerste-jobsamtale': {
    kanal: 'fremmoede',
    bisidder: false,
    bisidderRolle: 'bisidder',
    samtykke: 'ikke-relevant',
    cv: 'opdateret',
    antalJob: 3,
    kanaler: ['jobnet'],
    vejledtRaadighed: true,
    tilbud: false,
  },
  'dk.default.opfoelgning-sygedagpenge': {
    kanal: 'fremmoede',
    bisidder: false,
    bisidderRolle: 'bisidder',
    samtykke: 'ikke-relevant',
    kilder: ['borgeren'],
    fristOverskredet: false,
  },
  'dk.default.afklaring': {
    kanal: 'fremmoede',
    bisidder: false,
    bisidderRolle: 'bisidder',
    samtykke: 'ikke-relevant',
  },
  'dk.default.partshoering': { undtagelse: false, kopiRepraesentant: false },
  'dk.default.kontaktnotat': { kanal: 'telefon' },
};

/** 1.0.0 option values that were renamed. */
const RENAMED_OPTIONS: Record<string, Record<string, string>> = {
  grunde: { uddannelse: 'kvalifikationer' },
};

/** 1.0.0 "forhold" options about the family: now an opt-in line with its purpose. */
const V1_FAMILY = {
  enlig: 'Borgeren er enlig.',
  par: 'Borgeren er gift eller samlevende.',
  boern: 'Borgeren har hjemmeboende børn.',
} as const;

const same = (a: FieldValue | undefined, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

export function migrateDraftValues(template: Template, values: FormValues, valuesVersion?: number): FormValues {
  if ((valuesVersion ?? 1) >= 2) return values;
  const out: FormValues = { ...values };
  for (const [id, preAnswer] of Object.entries(V1_DEFAULTS[template.id] ?? {}))
    if (same(out[id], preAnswer)) delete out[id];
  // The family lines the caseworker ticked move, as text, into the opt-in field.
  if (template.id === 'dk.default.foerste-jobsamtale' && Array.isArray(out.forhold)) {
    const family = out.forhold.filter((v): v is keyof typeof V1_FAMILY => v in V1_FAMILY);
    if (family.length > 0 && template.fields.some((f) => f.id === 'familie')) {
      out.familieRelevant = true;
      out.familie = [typeof out.familie === 'string' ? out.familie : '', ...family.map((v) => V1_FAMILY[v])]
        .filter(Boolean)
        .join(' ');
    }
  }
  for (const field of template.fields) {
    const value = out[field.id];
    if (value === undefined) continue;
    if (field.kind === 'choice' || field.kind === 'choices') {
      const known = new Set(field.options.map((o) => o.value));
      const rename = (v: string) => RENAMED_OPTIONS[field.id]?.[v] ?? v;
      if (field.kind === 'choice' && typeof value === 'string' && !known.has(rename(value))) delete out[field.id];
      else if (field.kind === 'choice' && typeof value === 'string') out[field.id] = rename(value);
      if (field.kind === 'choices' && Array.isArray(value))
        out[field.id] = value.map(rename).filter((v) => known.has(v));
    }
  }
  return out;
}
