import type { UsageRecord, TemplateUse } from './schema';

/**
 * Counting time saved, honestly (issue 32, item 3).
 *
 * For one use of a template: the time it would have taken to type the note,
 * its characters at the caseworker's typing speed, minus the time actually
 * spent in the form (from opening it to inserting), and never below 0: a use
 * that took longer than typing would have is counted as saving nothing, not as
 * a loss that hides another use's saving, nor as a saving. A form taken up
 * again from a draft of an earlier session counts as saving nothing (the time
 * spent then is not known).
 *
 * The default speed: 52 words a minute, the mean of 168,000 volunteers'
 * transcription typing in Dhakal, Feit, Kristensson and Oulasvirta,
 * »Observations on Typing from 136 Million Keystrokes«, CHI 2018; a word is 5
 * characters in words-per-minute measures, so 260 characters a minute. Copying
 * a shown text is faster than writing one's own, so the estimate errs low.
 */
export const DEFAULT_CHARS_PER_MINUTE = 260;
export const MIN_CHARS_PER_MINUTE = 50;
export const MAX_CHARS_PER_MINUTE = 800;

/** Milliseconds one use saved (at least 0). */
export function savedMs(use: TemplateUse, charsPerMinute: number): number {
  if (use.resumed) return 0;
  return Math.max(0, (use.noteChars / charsPerMinute) * 60_000 - use.formMs);
}

/** ISO 8601 week of a local day (YYYY-MM-DD), as `2026-W49`. */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface Tally {
  notes: number;
  /** Minutes saved, not rounded. */
  minutes: number;
}

/** Notes inserted from templates and minutes saved today and this (ISO) week. */
export function todayAndWeek(
  records: readonly UsageRecord[],
  charsPerMinute: number,
  /** The local day, YYYY-MM-DD. */
  today: string,
): { today: Tally; week: Tally } {
  const week = isoWeek(today);
  const tally = (match: (u: TemplateUse) => boolean): Tally => {
    const uses = records.filter((r): r is TemplateUse => r.kind === 'template' && match(r));
    return { notes: uses.length, minutes: uses.reduce((sum, u) => sum + savedMs(u, charsPerMinute), 0) / 60_000 };
  };
  return { today: tally((u) => u.day === today), week: tally((u) => isoWeek(u.day) === week) };
}

/**
 * One line of the usage table, as the options page shows it and the CSV
 * carries it: per week and template, checklist, or checklist item. A team
 * lead's combined view adds up such lines from several caseworkers' files.
 */
export interface UsageRow {
  /** What the caseworker typed into the export's name field; '' when nothing. */
  caseworker: string;
  week: string;
  type: 'skabelon' | 'tjekliste' | 'punkt';
  /** The template's or checklist's id (for an item: its checklist's). */
  id: string;
  title: string;
  /** An item's id and title; '' for templates and checklists. */
  itemId: string;
  itemTitle: string;
  /** Template: notes inserted; checklist: runs finished; item: times marked »ikke relevant«. */
  uses: number;
  chars: number;
  keystrokes: number;
  clicks: number;
  /** Time in the form, whole seconds. */
  seconds: number;
  /** Minutes saved, one decimal, each use counted at least 0. */
  minutesSaved: number;
  /** The typing speed the minutes were counted with. */
  charsPerMinute: number;
  /** Item: times marked »ikke relevant«, and how many of those gave a reason. */
  notRelevant: number;
  withReason: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A caseworker's own records as lines, per week. */
export function usageRows(records: readonly UsageRecord[], charsPerMinute: number, caseworker = ''): UsageRow[] {
  const rows = new Map<string, UsageRow & { ms: number; saved: number }>();
  const row = (week: string, type: UsageRow['type'], id: string, title: string, itemId = '', itemTitle = '') => {
    const key = JSON.stringify([week, type, id, itemId]);
    let r = rows.get(key);
    if (!r) {
      r = {
        ...{ caseworker, week, type, id, title, itemId, itemTitle },
        ...{ uses: 0, chars: 0, keystrokes: 0, clicks: 0, seconds: 0, minutesSaved: 0, charsPerMinute },
        ...{ notRelevant: 0, withReason: 0, ms: 0, saved: 0 },
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const record of records) {
    const week = isoWeek(record.day);
    if (record.kind === 'template') {
      const r = row(week, 'skabelon', record.templateId, record.templateTitle);
      r.uses++;
      r.chars += record.noteChars;
      r.keystrokes += record.keystrokes;
      r.clicks += record.clicks;
      r.ms += record.formMs;
      r.saved += savedMs(record, charsPerMinute);
    } else {
      row(week, 'tjekliste', record.checklistId, record.checklistTitle).uses++;
      for (const item of record.notRelevant) {
        const r = row(week, 'punkt', record.checklistId, record.checklistTitle, item.id, item.title);
        r.uses++;
        r.notRelevant++;
        if (item.reason) r.withReason++;
      }
    }
  }
  return [...rows.values()]
    .map(({ ms, saved, ...r }) => ({ ...r, seconds: Math.round(ms / 1000), minutesSaved: round1(saved / 60_000) }))
    .sort(
      (a, b) =>
        a.week.localeCompare(b.week) ||
        a.type.localeCompare(b.type) ||
        a.title.localeCompare(b.title, 'da') ||
        a.itemTitle.localeCompare(b.itemTitle, 'da'),
    );
}

export interface TemplateTotal {
  id: string;
  title: string;
  uses: number;
  chars: number;
  keystrokes: number;
  clicks: number;
  seconds: number;
  minutesSaved: number;
}
export interface WeekTotal {
  week: string;
  notes: number;
  minutesSaved: number;
}
export interface ChecklistTotal {
  id: string;
  title: string;
  uses: number;
}
export interface ItemTotal {
  checklistId: string;
  checklistTitle: string;
  itemId: string;
  itemTitle: string;
  notRelevant: number;
  withReason: number;
}

export interface UsageTotals {
  templates: TemplateTotal[];
  weeks: WeekTotal[];
  checklists: ChecklistTotal[];
  /** Checklist items marked »ikke relevant«, most often first. */
  items: ItemTotal[];
  /** The names typed into the files, and how many files had none. */
  caseworkers: string[];
  notes: number;
  minutesSaved: number;
}

/** Adds lines up per template, week, checklist and item (lines from one or many caseworkers). */
export function totals(rows: readonly UsageRow[]): UsageTotals {
  const templates = new Map<string, TemplateTotal>();
  const weeks = new Map<string, WeekTotal>();
  const checklists = new Map<string, ChecklistTotal>();
  const items = new Map<string, ItemTotal>();
  for (const r of rows) {
    if (r.type === 'skabelon') {
      const t = templates.get(r.id) ?? {
        id: r.id,
        title: r.title,
        uses: 0,
        chars: 0,
        keystrokes: 0,
        clicks: 0,
        seconds: 0,
        minutesSaved: 0,
      };
      t.uses += r.uses;
      t.chars += r.chars;
      t.keystrokes += r.keystrokes;
      t.clicks += r.clicks;
      t.seconds += r.seconds;
      t.minutesSaved += r.minutesSaved;
      templates.set(r.id, t);
      const w = weeks.get(r.week) ?? { week: r.week, notes: 0, minutesSaved: 0 };
      w.notes += r.uses;
      w.minutesSaved += r.minutesSaved;
      weeks.set(r.week, w);
    } else if (r.type === 'tjekliste') {
      const c = checklists.get(r.id) ?? { id: r.id, title: r.title, uses: 0 };
      c.uses += r.uses;
      checklists.set(r.id, c);
    } else {
      const key = JSON.stringify([r.id, r.itemId]);
      const i = items.get(key) ?? {
        ...{ checklistId: r.id, checklistTitle: r.title, itemId: r.itemId, itemTitle: r.itemTitle },
        ...{ notRelevant: 0, withReason: 0 },
      };
      i.notRelevant += r.notRelevant;
      i.withReason += r.withReason;
      items.set(key, i);
    }
  }
  const byUses = <T extends { uses: number; title: string }>(a: T, b: T) =>
    b.uses - a.uses || a.title.localeCompare(b.title, 'da');
  const templateList = [...templates.values()]
    .map((t) => ({ ...t, minutesSaved: round1(t.minutesSaved) }))
    .sort(byUses);
  return {
    templates: templateList,
    weeks: [...weeks.values()]
      .map((w) => ({ ...w, minutesSaved: round1(w.minutesSaved) }))
      .sort((a, b) => b.week.localeCompare(a.week)),
    checklists: [...checklists.values()].sort(byUses),
    items: [...items.values()].sort(
      (a, b) => b.notRelevant - a.notRelevant || a.itemTitle.localeCompare(b.itemTitle, 'da'),
    ),
    caseworkers: [...new Set(rows.map((r) => r.caseworker).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'da')),
    notes: templateList.reduce((sum, t) => sum + t.uses, 0),
    minutesSaved: round1(templateList.reduce((sum, t) => sum + t.minutesSaved, 0)),
  };
}
