import type { Contact, ContactRole, DeadlineRecord, SummaryRecord, SummaryTextField } from '../db/records';
import { parseBody, renderTokens, tidy, type Token } from '../templates/render';
import { danishDate } from './dates';
import { factRows } from './facts';

/**
 * The handover note: the summary as journal text, rendered through the
 * template mechanism (lib/templates/render.ts) from a built-in body. It goes
 * into the case system in Danish, whatever the panel's language.
 */
export const HANDOVER_TITLE = 'Overdragelsesnotat (overblik)';

const HANDOVER_BODY = `Overdragelsesnotat {{dato}}{{#navn}} – {{navn}}{{/navn}}
{{#forfatter}}Overblik fra {{forfatter}} til kollega, der dækker sagen.{{/forfatter}}

{{#malgruppe}}Målgruppe: {{malgruppe}}
{{/malgruppe}}
{{#ydelse}}Ydelse: {{ydelse}}
{{/ydelse}}
{{#startdato}}Startdato: {{startdato}}
{{/startdato}}
{{#naesteMoede}}Næste møde: {{naesteMoede}}
{{/naesteMoede}}
{{#sagsbehandler}}Sagsbehandler: {{sagsbehandler}}
{{/sagsbehandler}}

{{#goal}}Borgerens mål (med egne ord): {{goal}}
{{/goal}}
{{#situation}}Situation: {{situation}}
{{/situation}}
{{#resources}}Ressourcer: {{resources}}
{{/resources}}
{{#barriers}}Barrierer: {{barriers}}
{{/barriers}}
{{#health}}Helbred: {{health}}
{{/health}}
{{#agreements}}Aftaler: {{agreements}}
{{/agreements}}
{{#nextSteps}}Næste skridt: {{nextSteps}}
{{/nextSteps}}

{{#kontakter}}Kontakter:
{{kontakter}}
{{/kontakter}}

{{#frister}}Frister:
{{frister}}
{{/frister}}`;

let parsed: Token[] | undefined;

export const CONTACT_ROLE_DA: Record<ContactRole, string> = {
  laege: 'Læge',
  mentor: 'Mentor',
  arbejdsgiver: 'Arbejdsgiver',
  bisidder: 'Bisidder',
  andet: 'Anden kontakt',
};

const contactLine = (c: Contact) => `- ${CONTACT_ROLE_DA[c.role]}: ${c.name}${c.detail ? ` (${c.detail})` : ''}`;

export function renderHandover(input: {
  today: string;
  name: string;
  caseworker: string;
  summary: SummaryRecord;
  deadlines: DeadlineRecord[];
}): string {
  parsed ??= parseBody(HANDOVER_BODY);
  const values: Record<string, string> = {
    dato: danishDate(input.today),
    navn: input.name,
    forfatter: input.caseworker,
    kontakter: input.summary.contacts.map(contactLine).join('\n'),
    frister: input.deadlines
      .filter((d) => d.doneAt === null)
      .map((d) => `- ${danishDate(d.due)}: ${d.title}`)
      .join('\n'),
  };
  for (const row of factRows(input.summary)) {
    const value = row.own?.value ?? row.host?.value;
    // A disagreement goes into the note as such: the colleague should know.
    if (value) values[row.id] = row.conflict ? `${value} (sagssystemet viser: ${row.host!.value})` : value;
  }
  for (const [id, stamped] of Object.entries(input.summary.text) as [SummaryTextField, { value: string }][]) {
    values[id] = stamped.value.trim();
  }
  const text = (name: string) => values[name] ?? '';
  return tidy(renderTokens(parsed, { text, has: (name) => text(name) !== '' }));
}
