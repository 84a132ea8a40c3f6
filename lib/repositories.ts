import type { KeySource } from './crypto/session';
import { dataContext } from './db/data-context';
import type { SidevognDb } from './db/database';
import { createBackupRepository } from './backup/backup-repository';
import { createChecklistRunRepository } from './checklists/run-repository';
import { createDeadlineRepository } from './deadlines/deadline-repository';
import { createDraftRepository } from './notes/draft-repository';
import { createNoteRepository } from './notes/note-repository';
import { createConfigGroups } from './packs/config-groups';
import { createPrivacyRepository } from './privacy/privacy-repository';
import { createCaseloadRepository } from './summary/caseload-repository';
import { createCitizenRepository } from './summary/citizen-repository';
import { createSummaryRepository } from './summary/summary-repository';
import { createFormDraftRepository } from './templates/form-draft-repository';

/**
 * Every domain's repository over one database, for the pages that hand them
 * to their components (panel, options, summary, access page, service worker).
 * Each domain owns its repository (lib/<domain>/*-repository.ts); this only
 * composes them over one shared context, so they share the clock, the data key
 * and the cached citizen-key secret.
 */
export function createRepositories(db: SidevognDb, now?: () => number, keys?: KeySource) {
  const ctx = dataContext(db, now, keys);
  const { citizenKey, citizens } = createCitizenRepository(ctx);
  const config = createConfigGroups(ctx);
  const { formDrafts, history } = createFormDraftRepository(ctx);
  return {
    ...{ citizenKey, citizens, formDrafts, history },
    notes: createNoteRepository(ctx),
    drafts: createDraftRepository(ctx),
    checklistRuns: createChecklistRunRepository(ctx, config.packs),
    summaries: createSummaryRepository(ctx),
    deadlines: createDeadlineRepository(ctx),
    caseload: createCaseloadRepository(ctx),
    privacy: createPrivacyRepository(ctx),
    backup: createBackupRepository(ctx, citizenKey),
    ...config,
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
