import type { DataContext } from '../db/data-context';
import { openReadable, type RecordOf } from '../db/sealed';
import type { SealedTableName } from '../db/records';

/** One citizen in the caseworker's caseload list. */
export interface CaseloadEntry {
  key: string;
  name: string;
  cpr: string;
  lastActivityAt: number;
  nextDeadline: { due: string; title: string } | null;
  overdue: number;
  /** Sidevogn remembers where the case system last showed the citizen ("Åbn i sagssystemet"). */
  hasCaseAddress: boolean;
}

/**
 * Rows opened a hundred at a time, one task each: the options page opens the
 * whole caseload at unlock, and hundreds of citizens opened at once were one
 * task of 50 ms and more on the page's thread (tests/bench/search-ready.mjs).
 */
async function openInTasks<T extends SealedTableName>(dataKey: CryptoKey, table: T, rows: readonly unknown[]) {
  const opened: RecordOf<T>[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    // A row that does not read is left out (and left as stored), so one bad row never blanks the options page.
    opened.push(...(await openReadable(dataKey, table, rows.slice(i, i + 100))).records);
  }
  return opened;
}

/** The caseworker's caseload: every citizen opened, with their next deadline. */
export function createCaseloadRepository(ctx: DataContext) {
  const { db, key } = ctx;
  const caseload = {
    /** Every citizen the caseworker has opened, with their next open deadline; soonest deadline first. */
    async list(today: string): Promise<CaseloadEntry[]> {
      const dataKey = key();
      const [citizenRows, deadlineRows] = await Promise.all([
        db.citizens.toArray(),
        db.deadlines.orderBy('due').toArray(),
      ]);
      const [citizenRecords, openDeadlines] = await Promise.all([
        openInTasks(dataKey, 'citizens', citizenRows),
        openInTasks(
          dataKey,
          'deadlines',
          deadlineRows.filter((row) => row.doneAt === null),
        ),
      ]);
      const next = new Map<string, { due: string; title: string }>();
      const overdue = new Map<string, number>();
      for (const d of openDeadlines) {
        if (!next.has(d.citizenKey)) next.set(d.citizenKey, { due: d.due, title: d.title });
        if (d.due < today) overdue.set(d.citizenKey, (overdue.get(d.citizenKey) ?? 0) + 1);
      }
      return citizenRecords
        .map((c) => ({
          key: c.key,
          name: c.name,
          cpr: c.cpr,
          lastActivityAt: c.lastActivityAt,
          nextDeadline: next.get(c.key) ?? null,
          overdue: overdue.get(c.key) ?? 0,
          hasCaseAddress: c.caseAddress !== undefined,
        }))
        .sort(
          (a, b) =>
            (a.nextDeadline?.due ?? '9999').localeCompare(b.nextDeadline?.due ?? '9999') ||
            a.name.localeCompare(b.name, 'da'),
        );
    },
  };
  return caseload;
}

export type CaseloadRepository = ReturnType<typeof createCaseloadRepository>;
