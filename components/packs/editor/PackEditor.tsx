import { useMemo, useRef, useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import type { MessageKey } from '@/lib/i18n/messages';
import { errorsByPath, move, newChecklist, validateDraft } from '@/lib/packs/editor/build';
import type { PackDraft } from '@/lib/packs/editor/draft';
import { bumpVersion, type Bump } from '@/lib/packs/editor/version';
import { isoToday } from '@/lib/templates/form';
import { useT } from '@/components/ui/i18n';
import { ChecklistEditor } from './ChecklistEditor';
import {
  Card,
  ConfirmButton,
  EditorErrorsContext,
  ErrorVisibilityContext,
  focusFirstError,
  isShown,
  SelectField,
  TextField,
  useErrorVisibility,
} from './EditorInputs';
import { ExportPanel } from './ExportPanel';
import { PackLoader } from './PackLoader';
import { SigningKeys } from './SigningKeys';
import { ItemList } from './ItemList';
import { TemplateList } from './TemplateList';
import { usePackDraft, type SaveState } from './use-pack-draft';

/**
 * "Pakkeredigering": a team lead makes or changes a pack with forms, sees
 * templates as caseworkers will, and exports the pack as a file (optionally
 * signed). Work in progress is a draft in IndexedDB, so nothing typed is lost.
 */
export function PackEditor({ repository }: { repository: Repositories }) {
  const t = useT();
  const { draft, saveState, loadError, update, replace } = usePackDraft(repository);

  return (
    <section className="mt-8" aria-labelledby="pack-editor-heading">
      <h2 id="pack-editor-heading" className="text-lg font-semibold">
        {t('editor.heading')}
      </h2>
      <p className="text-sm text-slate-700">{t('editor.intro')}</p>
      {loadError && (
        <p role="alert" className="mt-2 rounded border-l-4 border-red-600 bg-red-50 p-2 text-sm text-red-900">
          {t('editor.loadError', { error: loadError })}
        </p>
      )}
      {draft === null && <PackLoader repository={repository} onLoad={(d) => void replace(d)} />}
      {draft && (
        <DraftEditor
          draft={draft}
          saveState={saveState}
          update={update}
          onDiscard={() => void replace(null)}
          repository={repository}
        />
      )}
      <SigningKeys repository={repository} />
    </section>
  );
}

function DraftEditor({
  draft,
  saveState,
  update,
  onDiscard,
  repository,
}: {
  draft: PackDraft;
  saveState: SaveState;
  update(change: (d: PackDraft) => PackDraft): void;
  onDiscard(): void;
  repository: Repositories;
}) {
  const t = useT();
  const validation = useMemo(() => validateDraft(draft), [draft]);
  const errors = useMemo(
    () => (validation.ok ? new Map<string, string[]>() : errorsByPath(validation.errors)),
    [validation],
  );
  const set = (patch: Partial<PackDraft>) => update((d) => ({ ...d, ...patch }));
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [guideKey, setGuideKey] = useState<string | null>(null);
  const visibility = useErrorVisibility();
  const root = useRef<HTMLDivElement>(null);
  const today = isoToday();
  const errorCount = (prefix: string) =>
    [...errors]
      .filter(([p]) => (p === prefix || p.startsWith(`${prefix}.`)) && isShown(visibility, p))
      .reduce((n, [, r]) => n + r.length, 0);
  // "Eksportér pakke" on a pack with errors: every error shows, the item with the first opens, focus goes to it.
  const revealErrors = () => {
    visibility.revealAll();
    const [, kind, i] = /^(templates|checklists)\.(\d+)\./.exec(validation.ok ? '' : validation.errors[0]!) ?? [];
    const item = kind === 'templates' || kind === 'checklists' ? draft[kind][Number(i)] : undefined;
    if (item && item.key !== guideKey) setOpenKey(item.key);
    focusFirstError(root.current);
  };
  return (
    <EditorErrorsContext.Provider value={errors}>
      <ErrorVisibilityContext.Provider value={visibility}>
        <div ref={root}>
          <SaveBar saveState={saveState} onDiscard={onDiscard} />

          <PackDetails draft={draft} set={set} />

          <TemplateList
            draft={draft}
            update={update}
            errorCount={errorCount}
            open={[openKey, setOpenKey]}
            guide={[guideKey, setGuideKey]}
          />

          <ItemList
            heading={t('editor.checklists')}
            addLabel={t('editor.checklist.add')}
            items={draft.checklists.map((x, i) => ({
              key: x.key,
              title: x.title || t('editor.checklist.untitledN', { n: i + 1 }),
              detail: `${t(`meeting.${x.meetingType}` as MessageKey)} · ${t('editor.checklist.itemCount', { count: x.items.length })}`,
              errors: errorCount(`checklists.${i}`),
              body: (
                <ChecklistEditor
                  checklist={x}
                  templates={draft.templates}
                  path={`checklists.${i}`}
                  onChange={(c) =>
                    update((d) => ({ ...d, checklists: d.checklists.map((y) => (y.key === c.key ? c : y)) }))
                  }
                />
              ),
            }))}
            openKey={openKey}
            setOpenKey={setOpenKey}
            removeQuestion={(name) => t('editor.checklist.removeQuestion', { name })}
            onAdd={() => {
              const c = newChecklist(draft, today);
              update((d) => ({ ...d, checklists: [...d.checklists, c] }));
              setOpenKey(c.key);
            }}
            onMove={(i, by) => update((d) => ({ ...d, checklists: move(d.checklists, i, by) }))}
            onRemove={(i) => update((d) => ({ ...d, checklists: d.checklists.filter((_, j) => j !== i) }))}
            testId="editor-checklist"
          />

          <ExportPanel validation={validation} repository={repository} onInvalid={revealErrors} />
        </div>
      </ErrorVisibilityContext.Provider>
    </EditorErrorsContext.Provider>
  );
}

/** Whether the draft is saved, and "discard the draft" (after a question). */
function SaveBar({ saveState, onDiscard }: { saveState: SaveState; onDiscard(): void }) {
  const t = useT();
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
      <span
        role="status"
        className={saveState === 'error' ? 'text-red-800' : 'text-slate-700'}
        data-testid="editor-save-state"
      >
        {saveState === 'error'
          ? t('editor.saveFailed')
          : saveState === 'pending'
            ? t('editor.saving')
            : t('editor.saved')}
      </span>
      <span className="ml-auto">
        <ConfirmButton
          label={t('editor.discard')}
          question={t('editor.discardQuestion')}
          confirmLabel={t('editor.discard')}
          onConfirm={onDiscard}
        />
      </span>
    </div>
  );
}

/** The pack's own fields: name, publisher, id, version (or the bump from the installed one), validity, what is new. */
function PackDetails({ draft, set }: { draft: PackDraft; set(patch: Partial<PackDraft>): void }) {
  const t = useT();
  const bump = (['patch', 'minor', 'major'] as Bump[]).find(
    (b) => draft.baseVersion && bumpVersion(draft.baseVersion, b) === draft.version,
  );
  return (
    <Card className="mt-2">
      <h3 className="text-base font-semibold">{t('editor.pack.heading')}</h3>
      {draft.baseVersion && (
        <p className="text-sm text-slate-700">{t('editor.pack.basedOn', { version: draft.baseVersion })}</p>
      )}
      <div className="mt-2 grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
        <TextField label={t('editor.pack.name')} path="name" value={draft.name} onChange={(name) => set({ name })} />
        <TextField
          label={t('editor.pack.publisher')}
          path="publisher"
          value={draft.publisher}
          onChange={(publisher) => set({ publisher })}
        />
        <TextField
          label={t('editor.pack.id')}
          help={t('editor.pack.idHelp')}
          path="id"
          value={draft.id}
          mono
          onChange={(id) => set({ id })}
        />
        <div className="flex gap-3">
          <TextField
            className="w-28"
            label={t('editor.pack.version')}
            path="version"
            value={draft.version}
            onChange={(version) => set({ version })}
          />
          {draft.baseVersion && (
            <SelectField
              className="flex-1"
              label={t('editor.pack.bump')}
              value={bump ?? ''}
              options={[
                ...(bump ? [] : [{ value: '', label: t('editor.pack.bump.own') }]),
                { value: 'patch', label: t('editor.pack.bump.patch') },
                { value: 'minor', label: t('editor.pack.bump.minor') },
                { value: 'major', label: t('editor.pack.bump.major') },
              ]}
              onChange={(b) => b && set({ version: bumpVersion(draft.baseVersion!, b as Bump) })}
            />
          )}
        </div>
        <TextField
          label={t('editor.validFrom')}
          type="date"
          path="validFrom"
          value={draft.validFrom}
          onChange={(validFrom) => set({ validFrom })}
        />
        <TextField
          label={t('editor.validTo')}
          type="date"
          path="validTo"
          value={draft.validTo}
          onChange={(validTo) => set({ validTo })}
        />
        <TextField
          className="sm:col-span-2"
          label={t('editor.pack.changes', { version: draft.version })}
          help={t('editor.pack.changesHelp')}
          path={`changelog.${draft.changelogHistory.length}.changes`}
          value={draft.changes}
          multiline
          rows={2}
          onChange={(changes) => set({ changes })}
        />
      </div>
      {draft.changelogHistory.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-sky-800">
            {t('editor.pack.history', { count: draft.changelogHistory.length })}
          </summary>
          <ul className="mt-1 ml-5 list-disc">
            {draft.changelogHistory.map((c) => (
              <li key={`${c.version}-${c.date}`}>
                <span className="font-medium">{c.version}</span> ({c.date}): {c.changes}
              </li>
            ))}
          </ul>
        </details>
      )}
      {draft.adapters.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">{t('editor.pack.adapters', { count: draft.adapters.length })}</p>
      )}
    </Card>
  );
}
