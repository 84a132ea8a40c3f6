import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import { draftFromPack, newPackDraft } from '@/lib/packs/editor/build';
import type { PackDraft } from '@/lib/packs/editor/draft';
import { parsePackText } from '@/lib/packs/validate';
import { isoToday } from '@/lib/templates/form';
import { useT } from '@/components/ui/i18n';
import { inputClass } from './EditorInputs';
import { primaryButtonClass, secondaryButtonClass } from '@/components/ui/styles';

/** Where a pack in the editor starts: from nothing, an installed pack, or a pack file. */
export function PackLoader({ repository, onLoad }: { repository: Repositories; onLoad(draft: PackDraft): void }) {
  const t = useT();
  const installed = useLiveQuery(() => repository.packs.list(), [repository]);
  const [choice, setChoice] = useState('');
  const [errors, setErrors] = useState<string[] | null>(null);
  const selectId = useId();
  const fileId = useId();
  const today = isoToday();

  const [packId, version] = choice.split('@') as [string, string | undefined];
  const chosen = installed?.find((p) => p.state.id === packId);

  const openInstalled = async () => {
    if (!chosen || !version) return;
    const pack = await repository.packs.version(chosen.state.id, version);
    if (pack) onLoad(draftFromPack(pack, { today, installedVersions: chosen.versions }));
  };

  const openFile = async (file: File) => {
    const parsed = parsePackText(await file.text());
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors(null);
    const known = installed?.find((p) => p.state.id === parsed.pack.id)?.versions ?? [];
    onLoad(draftFromPack(parsed.pack, { today, installedVersions: known }));
  };

  return (
    <div className="mt-3 grid gap-4 sm:grid-cols-3">
      <div className="rounded border border-slate-300 bg-white p-3">
        <h3 className="text-sm font-semibold">{t('editor.start.new')}</h3>
        <p className="mt-1 text-xs text-slate-700">{t('editor.start.newHelp')}</p>
        <button type="button" className={`${primaryButtonClass} mt-2`} onClick={() => onLoad(newPackDraft(today))}>
          {t('editor.start.newButton')}
        </button>
      </div>
      <div className="rounded border border-slate-300 bg-white p-3">
        <h3 className="text-sm font-semibold">{t('editor.start.installed')}</h3>
        <label htmlFor={selectId} className="mt-1 block text-xs text-slate-700">
          {t('editor.start.installedLabel')}
        </label>
        <select id={selectId} className={inputClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('templates.choose')}</option>
          {installed?.map((p) =>
            p.versions.map((v) => (
              <option key={`${p.state.id}@${v}`} value={`${p.state.id}@${v}`}>
                {p.active.name} {v}
                {v === p.state.activeVersion ? ` (${t('editor.start.inUse')})` : ''}
              </option>
            )),
          )}
        </select>
        <button
          type="button"
          className={`${secondaryButtonClass} mt-2`}
          aria-disabled={!chosen}
          onClick={() => void openInstalled()}
        >
          {t('editor.start.installedButton')}
        </button>
      </div>
      <div className="rounded border border-slate-300 bg-white p-3">
        <h3 className="text-sm font-semibold">{t('editor.start.file')}</h3>
        <label htmlFor={fileId} className="mt-1 block text-xs text-slate-700">
          {t('editor.start.fileLabel')}
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="mt-1 w-full text-sm"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <div role="status" className="sm:col-span-3">
        {errors && (
          <div className="rounded border-l-4 border-red-600 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">{t('editor.start.fileInvalid')}</p>
            <ul className="mt-1 ml-5 list-disc">
              {errors.map((e) => (
                <li key={e}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
