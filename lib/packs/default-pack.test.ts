import { describe, expect, it } from 'vitest';
import { checklistNoteLines, unresolvedRequired } from '../checklists/run';
import type { ChecklistRunRecord } from '../db/records';
import { initialValues, isEmpty, isVisible, missingRequired, renderNote, type FormValues } from '../templates/form';
import type { Template, TemplateField } from '../templates/schema';
import { defaultPack } from './default-pack';
import { packSchema, type Pack } from './schema';

/**
 * The default pack is what every caseworker uses on day one, and a note is
 * evidence: golden notes for every template, and a walk over every legal basis.
 */

const pack: Pack = packSchema.parse(structuredClone(defaultPack));

/** Sentences that say guidance was given or a step was taken. Each must come from a field the caseworker set. */
const ASSERTIONS = [
  'Formålet med samtalen er forklaret',
  'vejledt om retten til at have en bisidder',
  'har fået skriftlig og konkret vejledning',
  'Min Plan er aftalt med borgeren, før',
  'oplyst om, hvad det betyder ikke at give samtykke',
  'har givet konkret samtykke',
  'Der deltog ingen bisidder',
  'Borgeren er partshørt',
  'Kopi er sendt',
  'meddelt med klagevejledning',
  'Samtalen blev holdt med tolk',
  'CV er opdateret',
  'job om ugen',
  'Tilbuddet er skrevet ind i Min Plan',
  'havde før forsømmelsen fået skriftlig og konkret vejledning',
  'Der er bedt om tidlig opfølgning',
];

const sample = (f: TemplateField, full: boolean): FormValues[string] => {
  switch (f.kind) {
    case 'text':
      return 'Hanne Holm';
    case 'textarea':
      return `Skrevet i feltet ${f.id}`;
    case 'date':
      return '2026-12-10';
    case 'number':
      return 3;
    case 'choice':
      return f.options[full ? f.options.length - 1 : 0]!.value;
    case 'choices':
      return full ? f.options.map((o) => o.value) : [f.options[0]!.value];
    case 'yesno':
      return full;
  }
};

/** Fills what must be filled (minimum) or every field the caseworker can see (full), until nothing changes. */
function fill(t: Template, full: boolean): FormValues {
  const values = initialValues(t, { 'citizen.name': 'Mette Kjær Nielsen', 'caseworker.name': 'Lene Bruun' });
  // The golden notes do not change with the day they run.
  for (const f of t.fields) if (f.prefill === 'today') values[f.id] = '2026-12-03';
  for (let pass = 0; pass < 5; pass++)
    for (const f of t.fields)
      if (isVisible(t, f, values) && isEmpty(values[f.id]) && (full || f.required)) values[f.id] = sample(f, full);
  expect(missingRequired(t, values)).toEqual([]);
  return values;
}

function expectWellFormed(note: string) {
  expect(note).not.toMatch(/ {2}/);
  expect(note).not.toMatch(/via \./);
  expect(note).not.toMatch(/\{\{|\}\}|\.\.(?!\.)|\s[.,]/);
  const [, ...lines] = note.split('\n').filter((l) => l.trim() !== '');
  // After the heading, every line ends a sentence, or introduces the next line with a colon.
  for (const line of lines) expect(line, line).toMatch(/[.:]$/);
}

const sentences = (note: string) =>
  note
    .split(/(?<=[.:])\s+|\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 25);

const runOf = (items: ChecklistRunRecord['items']): ChecklistRunRecord => ({
  id: 'r',
  citizenKey: 'k',
  packId: pack.id,
  packVersion: pack.version,
  checklistId: 'x',
  startedAt: 0,
  finishedAt: null,
  items,
});

describe.each(pack.templates.map((t) => [t.title, t] as const))('golden note: %s', (_title, t) => {
  const checklist = pack.checklists.find((c) => c.templateId === t.id);

  it('with nothing chosen yet, asserts nothing', () => {
    const note = renderNote(t, initialValues(t, { 'citizen.name': 'Mette', 'caseworker.name': 'Lene' }));
    for (const a of ASSERTIONS) expect(note).not.toContain(a);
    expect(note).not.toMatch(/ {2}|via \./);
  });

  it('with the minimum input: well formed, and no guidance or step that was not chosen', () => {
    const note = renderNote(t, fill(t, false));
    expectWellFormed(note);
    // Required choices are answered here (with their first option); every yes/no is answered no.
    const chosen = ['Borgeren er partshørt', 'Der deltog ingen bisidder', 'CV er opdateret'];
    for (const a of ASSERTIONS.filter((a) => !chosen.includes(a))) expect(note).not.toContain(a);
    expect(note).toMatchSnapshot();
  });

  it('with every field filled: well formed, and no sentence twice when the linked checklist is ticked', () => {
    const values = fill(t, true);
    const note = renderNote(t, values);
    expectWellFormed(note);
    expect(note).toMatchSnapshot();
    if (!checklist) return;
    const all = Object.fromEntries(checklist.items.map((i, n) => [i.id, { state: 'done' as const, at: n }]));
    const full = [note, ...checklistNoteLines(checklist, runOf(all))].join('\n\n');
    const seen = sentences(full);
    expect(seen.filter((s, i) => seen.indexOf(s) !== i)).toEqual([]);
    // Answering the form resolves every required item linked to a field.
    const answered = (id: string) =>
      !isEmpty(values[id]) ||
      !isVisible(
        t,
        t.fields.find((f) => f.id === id)!,
        values,
      );
    expect(unresolvedRequired(checklist, runOf({}), answered).filter((i) => i.field)).toEqual([]);
  });
});

describe('checklists of the default pack', () => {
  it('link every item to a field of their template, or leave it a process step that writes nothing', () => {
    for (const c of pack.checklists) {
      const t = pack.templates.find((x) => x.id === c.templateId)!;
      for (const item of c.items) {
        expect(item.noteText, `${c.id}/${item.id}`).toBeUndefined();
        if (item.field)
          expect(
            t.fields.map((f) => f.id),
            `${c.id}/${item.id}`,
          ).toContain(item.field);
      }
      expect(c.items.some((i) => i.tickedBy === 'inserted' && !i.required)).toBe(true);
    }
  });

  it('no field that records guidance, a legal step or a fact about the citizen has a default', () => {
    for (const t of pack.templates) for (const f of t.fields) expect(f.default, `${t.id}/${f.id}`).toBeUndefined();
  });
});

/**
 * Rules that change on 1 January 2027 (STAR: new main act replacing LAB, new
 * sanction rules, new sickness-benefit follow-up, end of uddannelsespålæg and
 * jobafklaringsforløb). An item resting on one of them must end by then.
 */
const CHANGE_ON_2027_01_01 = [
  /\bLAB\b/,
  /aktiv beskæftigelsesindsats/i,
  /aktivloven § 35/i,
  /sygedagpengeloven/i,
  /uddannelsespålæg/i,
  /jobafklaring/i,
  /lov nr\. 1750/i,
];
const DAY = 24 * 60 * 60 * 1000;

/** Every legal basis in a pack: of templates, checklists and checklist items. */
function legalBases(p: Pack) {
  const out: { where: string; basis: string; url: string | undefined; checkedAt: string; validTo?: string }[] = [];
  for (const t of p.templates)
    if (t.legalBasis)
      out.push({ where: t.id, basis: t.legalBasis, url: t.sourceUrl, checkedAt: t.checkedAt, validTo: t.validTo });
  for (const c of p.checklists) {
    out.push({ where: c.id, basis: c.legalBasis, url: c.sourceUrl, checkedAt: c.checkedAt, validTo: c.validTo });
    for (const i of c.items)
      if (i.legalBasis)
        out.push({
          where: `${c.id}/${i.id}`,
          basis: i.legalBasis,
          url: i.sourceUrl,
          checkedAt: c.checkedAt,
          validTo: c.validTo,
        });
  }
  return out;
}

function legalProblems(p: Pack): string[] {
  const newest = [...p.changelog.map((c) => c.date)].sort().at(-1) ?? p.validFrom;
  const oldestAllowed = new Date(Date.parse(newest) - 90 * DAY).toISOString().slice(0, 10);
  const problems: string[] = [];
  for (const b of legalBases(p)) {
    if (!/§/.test(b.basis)) problems.push(`${b.where}: legal basis without a paragraph`);
    if (!b.url) problems.push(`${b.where}: no source`);
    else if (new URL(b.url).pathname.replace(/\/+$/, '') === '' && !new URL(b.url).search)
      problems.push(`${b.where}: the source is a site's front page`);
    if (b.checkedAt < oldestAllowed) problems.push(`${b.where}: checked ${b.checkedAt}, before ${oldestAllowed}`);
    if (CHANGE_ON_2027_01_01.some((r) => r.test(b.basis)) && !(b.validTo && b.validTo <= '2026-12-31'))
      problems.push(`${b.where}: rests on a rule that changes on 1 January 2027 but has no validTo`);
  }
  return problems;
}

describe('the legal-basis walk', () => {
  it('finds a paragraph, a real source, a recent check and validity for 1 January 2027 in every item', () => {
    expect(legalProblems(pack)).toEqual([]);
  });

  it('fails on each kind of problem', () => {
    const bad = packSchema.parse(structuredClone(defaultPack));
    bad.templates[0] = {
      ...bad.templates[0]!,
      legalBasis: 'Lov om en aktiv beskæftigelsesindsats (samtaler)',
      sourceUrl: 'https://star.dk/',
      validTo: undefined,
    };
    bad.checklists[0] = { ...bad.checklists[0]!, checkedAt: '2026-01-01' };
    expect(legalProblems(bad)).toEqual(
      expect.arrayContaining([
        'dk.default.foerste-jobsamtale: legal basis without a paragraph',
        "dk.default.foerste-jobsamtale: the source is a site's front page",
        'dk.default.foerste-jobsamtale: rests on a rule that changes on 1 January 2027 but has no validTo',
        'dk.default.tjek.foerste-jobsamtale: checked 2026-01-01, before 2026-09-07',
      ]),
    );
  });

  it('says "verificér" where a rule after 1 July 2026 could not be checked against the text', () => {
    for (const id of [
      'dk.default.foerste-jobsamtale',
      'dk.default.loebende-jobsamtale',
      'dk.default.opfoelgning-sygedagpenge',
    ])
      expect(pack.templates.find((t) => t.id === id)!.legalBasis).toContain('verificér');
  });

  it('cites no consolidated act or paragraph that a newer text has replaced (docs/legal-sources.md)', () => {
    const text = JSON.stringify([pack.templates, pack.checklists]);
    const superseded = [
      /nr\. 1179 af 21\/9 2023/, // sygedagpengeloven: lovbekendtgørelse nr. 994 af 22/8 2024 replaced it
      /eli\/lta\/2023\/1179/,
      /§ 7 b\b/, // fast track: sygedagpengeloven §§ 7 c og 7 e, jf. § 13 b, stk. 2
      /nummereret efter lovbekendtgørelse nr\. 701/, // LAB § 116 is read in nr. 280 af 1/3 2024
    ];
    expect(superseded.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
  });
});
