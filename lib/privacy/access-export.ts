import { draftIdForEdit, draftIdForNewNote } from '../notes/draft-repository';
import type { Repositories } from '../repositories';
import type {
  ChecklistRunRecord,
  CitizenRecord,
  DeadlineRecord,
  DraftRecord,
  FormDraftRecord,
  HistoryRecord,
  NoteRecord,
  SummaryRecord,
} from '../db/records';

/** The access request (GDPR art. 15): everything about one citizen, read through the domain repositories (which decrypt). */

/** Everything Sidevogn holds about one citizen, as plain records. */
export interface CitizenData {
  citizen: CitizenRecord;
  notes: NoteRecord[];
  drafts: DraftRecord[];
  formDrafts: FormDraftRecord[];
  history: HistoryRecord[];
  summary: SummaryRecord | null;
  deadlines: DeadlineRecord[];
  checklistRuns: ChecklistRunRecord[];
}

/** Reads everything about a citizen through the repository (which decrypts). */
export async function readCitizenData(
  repository: Pick<
    Repositories,
    'citizens' | 'notes' | 'drafts' | 'formDrafts' | 'history' | 'summaries' | 'deadlines' | 'checklistRuns'
  >,
  key: string,
): Promise<CitizenData | null> {
  const citizen = await repository.citizens.get(key);
  if (!citizen) return null;
  const draftIds = [draftIdForNewNote(key), ...(await repository.drafts.editIdsFor(key)).map(draftIdForEdit)];
  const drafts = (await Promise.all(draftIds.map((id) => repository.drafts.get(id)))).filter(
    (d): d is DraftRecord => d !== undefined,
  );
  const formDrafts = (
    await Promise.all((await repository.formDrafts.templateIdsFor(key)).map((t) => repository.formDrafts.get(key, t)))
  ).filter((d): d is FormDraftRecord => d !== undefined);
  const summary = await repository.summaries.get(key);
  const hasSummary =
    Object.keys(summary.text).length + Object.keys(summary.hostFacts).length + Object.keys(summary.ownFacts).length >
      0 || summary.contacts.length > 0;
  return {
    citizen,
    notes: await repository.notes.list(key),
    drafts,
    formDrafts,
    history: await repository.history.list(key),
    summary: hasSummary ? summary : null,
    deadlines: await repository.deadlines.list(key),
    checklistRuns: await repository.checklistRuns.list(key),
  };
}

const TIME_KEY = /^(at|[a-z][a-zA-Z]*At)$/;

/** Timestamps as ISO 8601 text, so the export reads without tools. */
function readableTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readableTimes);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        TIME_KEY.test(k) && typeof v === 'number' ? new Date(v).toISOString() : readableTimes(v),
      ]),
    );
  return value;
}

/** The access-request export (GDPR art. 15): every record about the citizen, readable JSON. */
export function accessExport(data: CitizenData, now: number) {
  return {
    format: 'sidevogn-access-export',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    about:
      'Everything Sidevogn (the caseworker’s private working notes) holds about this citizen on this computer. ' +
      'The case system’s journal is not included.',
    ...(readableTimes(data) as Record<string, unknown>),
  };
}

/** A file name without the name or CPR (it may land in a shared downloads folder). */
export const accessExportFileName = (key: string, now: number) =>
  `sidevogn-indsigt-${key.slice(0, 8)}-${new Date(now).toISOString().slice(0, 10)}.json`;
