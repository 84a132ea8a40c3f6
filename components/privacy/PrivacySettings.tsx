import { useEffect, useId, useState } from 'react';
import { BackupError } from '@/lib/backup/backup';
import {
  BACKUP_REMINDER_DAYS,
  acknowledgeDataLoss,
  backupReminderDue,
  readDataMarker,
  readLastBackupAt,
  markErasingAll,
  recordBackupExported,
  syncDataMarker,
} from '@/lib/backup/marker';
import type { SidevognDb } from '@/lib/db/database';
import { totalOf } from '@/lib/privacy/citizen-data';
import type { Repositories } from '@/lib/repositories';
import { formatDateTime } from '@/lib/i18n/i18n';
import type { MessageKey } from '@/lib/i18n/messages';
import { useLocale, useT } from '@/components/ui/i18n';
import { DataLossAlert } from './DataLossAlert';
import { RetentionStatus } from './RetentionStatus';
import { downloadText } from '@/components/ui/download';
import { useRetentionDays } from './use-retention-days';
import { FailedStep, afterwards, type OutcomeStatus } from '@/components/ui/Afterwards';

type Status = OutcomeStatus | null;

const BACKUP_FILE_INPUT = 'backup-file';
export const focusBackupImport = () => {
  const input = document.getElementById(BACKUP_FILE_INPUT);
  input?.scrollIntoView({ block: 'center' });
  input?.focus();
};

const ERROR_KEYS: Record<BackupError['code'], MessageKey> = {
  'not-json': 'backup.error.notJson',
  truncated: 'backup.error.truncated',
  foreign: 'backup.error.foreign',
  version: 'backup.error.version',
  malformed: 'backup.error.malformed',
  'wrong-secret': 'backup.error.wrongSecret',
  'recovery-format': 'backup.error.recoveryFormat',
  corrupt: 'backup.error.corrupt',
  content: 'backup.error.content',
  locked: 'backup.locked',
  changed: 'backup.error.failed',
};

const button =
  'rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700';
const primary =
  'rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';
const danger =
  'rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

function StatusLine({ status, testId }: { status: Status; testId: string }) {
  const t = useT();
  return (
    <div role="status" className="mt-2 text-sm" data-testid={testId}>
      {status && (
        <p className={`rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>
          {t(status.key, status.params)}
        </p>
      )}
      {status?.after && <FailedStep message="common.afterwardsFailed" failure={status.after} />}
    </div>
  );
}

/** Options page: the data-loss alert, encrypted backups (export, import), and erasing all citizen data. */
export function PrivacySettings({ db, repository }: { db: SidevognDb; repository: Repositories }) {
  const t = useT();
  const days = useRetentionDays();
  // A restored backup answers the data-loss alert: it is mounted afresh to read the marker again.
  const [alertKey, setAlertKey] = useState(0);
  return (
    <section className="mt-8" aria-labelledby="privacy-settings-heading">
      <h2 id="privacy-settings-heading" className="text-lg font-semibold">
        {t('options.privacy')}
      </h2>
      <DataLossAlert key={alertKey} db={db} onRestore={focusBackupImport} />
      {days !== null && <p className="mt-1 text-sm text-slate-700">{t('retention.help', { days })}</p>}
      <RetentionStatus db={db} />
      <BackupExport repository={repository} />
      <BackupImport db={db} repository={repository} onImported={() => setAlertKey((k) => k + 1)} />
      <EraseAll db={db} repository={repository} />
    </section>
  );
}

/** When the last backup was made, the reminder when it is due, and "export a backup". */
function BackupExport({ repository }: { repository: Repositories }) {
  const t = useT();
  const locale = useLocale();
  const [lastBackup, setLastBackup] = useState<number | null | undefined>(undefined);
  const [reminder, setReminder] = useState(false);
  const [exportStatus, setExportStatus] = useState<Status>(null);

  const refresh = () =>
    Promise.all([readDataMarker(), readLastBackupAt()]).then(([marker, last]) => {
      setLastBackup(last);
      setReminder(backupReminderDue(marker, last, Date.now()));
    });
  useEffect(() => {
    void refresh();
  }, []);

  const exportBackup = async () => {
    setExportStatus(null);
    try {
      const backup = await repository.backup.export();
      downloadText(backup.fileName, backup.text);
      await recordBackupExported();
      await refresh();
      setExportStatus({
        tone: 'ok',
        key: 'backup.exported',
        params: { file: backup.fileName, citizens: backup.citizens },
      });
    } catch (e) {
      setExportStatus({
        tone: 'error',
        key: 'privacy.failed',
        params: { error: e instanceof Error ? e.message : String(e) },
      });
    }
  };

  return (
    <>
      <h3 className="mt-4 font-semibold">{t('backup.heading')}</h3>
      <p className="text-sm text-slate-700">{t('backup.help')}</p>
      <p className="mt-1 text-sm" data-testid="backup-last">
        {lastBackup === undefined
          ? ''
          : lastBackup === null
            ? t('backup.never')
            : t('backup.last', { date: formatDateTime(locale, lastBackup) })}
      </p>
      {reminder && lastBackup !== null && (
        <p className="mt-1 text-sm text-amber-900">{t('backup.reminder', { days: BACKUP_REMINDER_DAYS })}</p>
      )}
      <button type="button" className={`${primary} mt-2`} onClick={() => void exportBackup()}>
        {t('backup.export')}
      </button>
      <StatusLine status={exportStatus} testId="backup-export-status" />
    </>
  );
}

/** Loads an encrypted backup with the recovery key or the passphrase it was made under. */
function BackupImport({
  db,
  repository,
  onImported,
}: {
  db: SidevognDb;
  repository: Repositories;
  onImported: () => void;
}) {
  const t = useT();
  const [importStatus, setImportStatus] = useState<Status>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'passphrase' | 'recovery'>('recovery');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { secret: useId(), kind: useId() };
  useEffect(() => {
    if (location.hash === '#backup') setTimeout(focusBackupImport, 0);
  }, []);

  const importBackup = async () => {
    setImportStatus(null);
    if (!file) return setImportStatus({ tone: 'error', key: 'backup.noFile' });
    setBusy(true);
    try {
      const result = await repository.backup.import(await file.text(), { kind, value: secret });
      // Loaded, whatever fails next: said beside it, not as "nothing has changed".
      const after = await afterwards([() => acknowledgeDataLoss(db)]);
      onImported();
      setSecret('');
      setImportStatus({
        tone: 'ok',
        key: result.otherInstallation ? 'backup.importedOther' : 'backup.imported',
        params: { added: result.added, updated: result.updated, kept: result.kept, citizens: result.citizens },
        after,
      });
    } catch (e) {
      if (e instanceof BackupError)
        setImportStatus({
          tone: 'error',
          key: ERROR_KEYS[e.code],
          params: { detail: e.detail, version: e.detail, error: e.message },
        });
      else
        setImportStatus({
          tone: 'error',
          key: 'backup.error.failed',
          params: { error: e instanceof Error ? e.message : String(e) },
        });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="mt-3 space-y-2 rounded border border-slate-300 p-3"
      aria-labelledby="backup-import-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void importBackup();
      }}
    >
      <h4 id="backup-import-heading" className="font-medium">
        {t('backup.import')}
      </h4>
      <div>
        <label htmlFor={BACKUP_FILE_INPUT} className="block text-sm font-medium">
          {t('backup.file')}
        </label>
        <input
          id={BACKUP_FILE_INPUT}
          type="file"
          accept=".json,application/json"
          className="mt-1 text-sm"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <div>
        <label htmlFor={ids.kind} className="block text-sm font-medium">
          {t('backup.secretKind')}
        </label>
        <select
          id={ids.kind}
          className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm"
          value={kind}
          onChange={(e) => setKind(e.target.value === 'passphrase' ? 'passphrase' : 'recovery')}
        >
          <option value="recovery">{t('backup.recovery')}</option>
          <option value="passphrase">{t('backup.passphrase')}</option>
        </select>
      </div>
      <div>
        <label htmlFor={ids.secret} className="block text-sm font-medium">
          {t('backup.secret')}
        </label>
        <input
          id={ids.secret}
          type="password"
          autoComplete="off"
          className="mt-1 w-80 rounded border border-slate-400 px-2 py-1"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </div>
      <button type="submit" className={button} aria-disabled={busy}>
        {busy ? t('backup.importing') : t('backup.importButton')}
      </button>
      <StatusLine status={importStatus} testId="backup-import-status" />
    </form>
  );
}

/** Erases all citizen data, only after the confirmation word is typed. */
function EraseAll({ db, repository }: { db: SidevognDb; repository: Repositories }) {
  const t = useT();
  const [eraseStatus, setEraseStatus] = useState<Status>(null);
  const [typed, setTyped] = useState('');
  const eraseId = useId();

  const eraseAll = async () => {
    if (typed !== t('options.eraseAll.word'))
      return setEraseStatus({ tone: 'error', key: 'options.eraseAll.mismatch' });
    let counts: Awaited<ReturnType<typeof repository.privacy.eraseAll>>;
    try {
      // The marker says "no citizen data" first: a marker write that failed after the erase
      // would read as a loss at the next start, offering a backup that undoes the erasure.
      await markErasingAll();
      counts = await repository.privacy.eraseAll();
    } catch (e) {
      // Nothing erased: the marker follows the database again.
      await syncDataMarker(db).catch(() => undefined);
      return setEraseStatus({
        tone: 'error',
        key: 'privacy.failed',
        params: { error: e instanceof Error ? e.message : String(e) },
      });
    }
    // Erased, whatever fails next: said beside it, not as "nothing has changed".
    const after = await afterwards([() => syncDataMarker(db)]);
    setTyped('');
    setEraseStatus({
      tone: 'ok',
      key: 'options.eraseAll.done',
      params: { citizens: counts.citizens, count: totalOf(counts) },
      after,
    });
  };

  return (
    <>
      <h3 className="mt-6 font-semibold">{t('options.eraseAll')}</h3>
      <p className="text-sm text-slate-700">{t('options.eraseAll.help')}</p>
      <form
        className="mt-2 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void eraseAll();
        }}
      >
        <div>
          <label htmlFor={eraseId} className="block text-sm font-medium">
            {t('options.eraseAll.typeLabel')}
          </label>
          <input
            id={eraseId}
            className="mt-1 w-40 rounded border border-slate-400 px-2 py-1"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
        <button type="submit" className={danger}>
          {t('options.eraseAll.button')}
        </button>
      </form>
      <StatusLine status={eraseStatus} testId="erase-all-status" />
    </>
  );
}
