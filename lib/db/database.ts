import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  AdapterRecord,
  PackDraftRecord,
  PackStateRecord,
  PackVersionRecord,
  SigningKeyRecord,
  TemplateRecord,
} from './config-records';
import type {
  DeadlineRow,
  SummaryRow,
  ChecklistRunRow,
  CitizenRow,
  DraftRow,
  FormDraftRow,
  HistoryRow,
  MetaRecord,
  NoteRow,
} from './records';

export const DB_NAME = 'sidevogn';

/**
 * The one IndexedDB database, opened only in extension pages (panel, options),
 * never in a content script, where it would belong to the host page's origin.
 * Every table is declared here; reads and writes go through ./repository.
 * Citizen tables hold sealed rows (./sealed): only keys and index fields in clear.
 */
export class SidevognDb extends Dexie {
  meta!: EntityTable<MetaRecord, 'key'>;
  citizens!: EntityTable<CitizenRow, 'key'>;
  notes!: EntityTable<NoteRow, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  templates!: EntityTable<TemplateRecord, 'id'>;
  formDrafts!: EntityTable<FormDraftRow, 'id'>;
  history!: EntityTable<HistoryRow, 'id'>;
  packs!: Table<PackVersionRecord, [string, string]>;
  packState!: EntityTable<PackStateRecord, 'id'>;
  checklistRuns!: EntityTable<ChecklistRunRow, 'id'>;
  summaries!: EntityTable<SummaryRow, 'citizenKey'>;
  deadlines!: EntityTable<DeadlineRow, 'id'>;
  adapters!: EntityTable<AdapterRecord, 'id'>;
  packDrafts!: EntityTable<PackDraftRecord, 'id'>;
  signingKeys!: EntityTable<SigningKeyRecord, 'id'>;

  constructor(name = DB_NAME) {
    // Chrome made 'relaxed' the default; a caseworker's typing must reach disk.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      meta: 'key',
      citizens: 'key, lastActivityAt',
      notes: 'id, [citizenKey+createdAt]',
      drafts: 'id, citizenKey',
    });
    this.version(2).stores({
      templates: 'id',
      formDrafts: 'id, citizenKey',
      history: 'id, [citizenKey+at]',
    });
    // The citizen summary, deadlines and team-lead-made adapters (issue 5).
    this.version(3).stores({
      summaries: 'citizenKey',
      deadlines: 'id, citizenKey, due',
      adapters: 'id',
    });
    this.version(4).stores({
      packs: '[id+version], id',
      packState: 'id',
      checklistRuns: 'id, citizenKey',
    });
    // The pack editor's work in progress and the team lead's signing keys (issue 4).
    this.version(5).stores({
      packDrafts: 'id',
      signingKeys: 'id',
    });
    // Encryption at rest (issue 6). The indexes stay as they are; records take
    // the sealed shape when the caseworker sets a passphrase (./keyring-store:
    // the upgrade itself has no key), in one transaction with the keyring.
    this.version(6).stores({});
  }
}
