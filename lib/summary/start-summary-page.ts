import { SidevognDb } from '../db/database';
import { retryIfVanished } from '../db/vanished-database';
import { createRepositories } from '../repositories';
import { LockedError, session } from '../crypto/session';
import { translator } from '../i18n/i18n';
import type { CitizenRecord, DeadlineRecord, SummaryRecord } from '../db/records';
import { applySavedLocale, loadCaseworkerName } from '../panel/preferences';

export interface SummaryPageProps {
  citizen: CitizenRecord | null;
  summary: SummaryRecord | null;
  deadlines: DeadlineRecord[];
  caseworker: string;
  error: string | null;
  /** Opened from the panel's print button: print at once. */
  autoPrint: boolean;
}

/** The printable summary page (summary.html?citizen=<citizen key>), an extension page. */
export async function startSummaryPage(): Promise<SummaryPageProps> {
  const params = new URLSearchParams(location.search);
  const key = params.get('citizen') ?? '';
  const locale = await applySavedLocale();
  const repository = createRepositories(new SidevognDb());
  try {
    await session.restore();
    // The database vanished under the session: once more, which finds it locked (lib/db/vanished-database).
    const [citizen, summary, deadlines, caseworker] = await retryIfVanished(() =>
      Promise.all([
        repository.citizens.get(key),
        repository.summaries.get(key),
        repository.deadlines.list(key),
        loadCaseworkerName(),
      ]),
    );
    return { citizen: citizen ?? null, summary, deadlines, caseworker, error: null, autoPrint: params.has('print') };
  } catch (e) {
    return {
      citizen: null,
      summary: null,
      deadlines: [],
      caseworker: '',
      error:
        e instanceof LockedError
          ? translator(locale)('lock.summaryLocked')
          : e instanceof Error
            ? e.message
            : String(e),
      autoPrint: false,
    };
  }
}
