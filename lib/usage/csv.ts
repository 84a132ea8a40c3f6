import { lazySchema, z } from '../zod';
import type { UsageRow } from './stats';

/**
 * The usage export a caseworker may hand to their team lead (opt-in: they
 * save the file and give it on; nothing is sent). Semicolon-separated with a
 * byte order mark, as Danish Excel opens it. Every line names the format, so a
 * file that is something else is refused whole. The `medarbejder` column holds
 * what the caseworker typed into the export's name field, else nothing.
 */
export const USAGE_CSV_FORMAT = 'sidevogn-brug-1';

export const USAGE_CSV_COLUMNS = [
  'format',
  'medarbejder',
  'uge',
  'type',
  'id',
  'titel',
  'punkt_id',
  'punkt',
  'antal',
  'tegn',
  'tastetryk',
  'klik',
  'sekunder_i_formular',
  'minutter_sparet',
  'anslag_pr_minut',
  'ikke_relevant',
  'med_begrundelse',
] as const;

const fields = (r: UsageRow): (string | number)[] => [
  USAGE_CSV_FORMAT,
  r.caseworker,
  r.week,
  r.type,
  r.id,
  r.title,
  r.itemId,
  r.itemTitle,
  r.uses,
  r.chars,
  r.keystrokes,
  r.clicks,
  r.seconds,
  r.minutesSaved,
  r.charsPerMinute,
  r.notRelevant,
  r.withReason,
];

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (removed again on import). */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function usageCsv(rows: readonly UsageRow[]): string {
  const lines = [USAGE_CSV_COLUMNS.join(';'), ...rows.map((r) => fields(r).map(cell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name without a name in it (it may land in a shared folder). */
export const usageCsvFileName = (now: number) =>
  `sidevogn-brugsstatistik-${new Date(now).toISOString().slice(0, 10)}.csv`;

/** Splits CSV text into records of cells (RFC 4180 quoting, `;` between cells). */
function parseCells(text: string): string[][] | null {
  const records: string[][] = [];
  let record: string[] = [];
  let cellText = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cellText += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cellText += ch;
      i++;
      continue;
    }
    if (ch === '"' && cellText === '') quoted = true;
    else if (ch === ';') {
      record.push(cellText);
      cellText = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(cellText);
      records.push(record);
      record = [];
      cellText = '';
    } else cellText += ch;
    i++;
  }
  if (quoted) return null;
  if (cellText !== '' || record.length > 0) {
    record.push(cellText);
    records.push(record);
  }
  return records;
}

const count = () => z.coerce.number().int().nonnegative().max(10_000_000);
const rowSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal(USAGE_CSV_FORMAT),
    medarbejder: z.string().max(120),
    uge: z.string().regex(/^\d{4}-W\d{2}$/),
    type: z.enum(['skabelon', 'tjekliste', 'punkt']),
    id: z.string().min(1).max(120),
    titel: z.string().max(300),
    punkt_id: z.string().max(120),
    punkt: z.string().max(300),
    antal: count(),
    tegn: count(),
    tastetryk: count(),
    klik: count(),
    sekunder_i_formular: count(),
    minutter_sparet: z.coerce.number().nonnegative().max(10_000_000),
    anslag_pr_minut: count(),
    ikke_relevant: count(),
    med_begrundelse: count(),
  }),
);

export type UsageCsvError =
  | { code: 'empty' }
  | { code: 'foreign' }
  | { code: 'quote' }
  | { code: 'row'; line: number; column: string }
  | { code: 'too-many' };

export type UsageCsvResult = { ok: true; rows: UsageRow[] } | { ok: false; error: UsageCsvError };

/** The most lines a file may have (a year of weekly lines for a large pack is far below). */
export const MAX_USAGE_CSV_LINES = 50_000;
/** The largest file read at all (50,000 lines of some 200 characters). */
export const MAX_USAGE_CSV_BYTES = 10_000_000;

const unformula = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** Reads an export file; anything that is not one gives an error and no rows. */
export function parseUsageCsv(text: string): UsageCsvResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: { code: 'empty' } };
  const records = parseCells(body);
  if (!records) return { ok: false, error: { code: 'quote' } };
  const [header, ...lines] = records.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header || header.join(';') !== USAGE_CSV_COLUMNS.join(';')) return { ok: false, error: { code: 'foreign' } };
  if (lines.length > MAX_USAGE_CSV_LINES) return { ok: false, error: { code: 'too-many' } };
  const rows: UsageRow[] = [];
  for (const [index, cells] of lines.entries()) {
    const line = index + 2;
    if (cells.length !== USAGE_CSV_COLUMNS.length)
      return {
        ok: false,
        error: {
          code: 'row',
          line,
          column: cells.length < USAGE_CSV_COLUMNS.length ? USAGE_CSV_COLUMNS[cells.length]! : '',
        },
      };
    const parsed = rowSchema.safeParse(Object.fromEntries(USAGE_CSV_COLUMNS.map((c, i) => [c, unformula(cells[i]!)])));
    if (!parsed.success)
      return { ok: false, error: { code: 'row', line, column: String(parsed.error.issues[0]?.path[0] ?? '') } };
    const r = parsed.data;
    if (r.type !== 'punkt' && (r.punkt_id !== '' || r.punkt !== ''))
      return { ok: false, error: { code: 'row', line, column: 'punkt_id' } };
    if (r.type === 'punkt' && r.punkt_id === '') return { ok: false, error: { code: 'row', line, column: 'punkt_id' } };
    if (r.med_begrundelse > r.ikke_relevant)
      return { ok: false, error: { code: 'row', line, column: 'med_begrundelse' } };
    rows.push({
      caseworker: r.medarbejder,
      week: r.uge,
      type: r.type,
      id: r.id,
      title: r.titel,
      itemId: r.punkt_id,
      itemTitle: r.punkt,
      uses: r.antal,
      chars: r.tegn,
      keystrokes: r.tastetryk,
      clicks: r.klik,
      seconds: r.sekunder_i_formular,
      minutesSaved: r.minutter_sparet,
      charsPerMinute: r.anslag_pr_minut,
      notRelevant: r.ikke_relevant,
      withReason: r.med_begrundelse,
    });
  }
  return { ok: true, rows };
}
