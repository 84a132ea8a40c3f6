import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Repositories } from '@/lib/repositories';
import { useT } from '@/components/ui/i18n';
import { IssueList } from '@/components/ui/IssueList';

type ImportState = { ok: true; title: string } | { ok: false; errors: string[] } | null;

/** Installed templates, and importing one from a file (validated; a bad file changes nothing). */
export function TemplateSettings({ repository }: { repository: Repositories }) {
  const t = useT();
  const loaded = useLiveQuery(() => repository.templates.list(), [repository]);
  const [result, setResult] = useState<ImportState>(null);
  const fileId = useId();

  const importFile = async (file: File) => {
    const outcome = await repository.templates.import(await file.text());
    setResult(outcome.ok ? { ok: true, title: outcome.template.title } : outcome);
  };

  return (
    <section className="mt-8" aria-labelledby="templates-heading">
      <h2 id="templates-heading" className="text-lg font-semibold">
        {t('options.templates')}
      </h2>
      <ul
        className="mt-2 divide-y divide-slate-200 rounded border border-slate-300"
        aria-labelledby="templates-heading"
      >
        {loaded?.templates.map((tpl) => (
          <li key={tpl.id} className="flex items-baseline gap-3 px-3 py-2 text-sm">
            <span className="font-medium">{tpl.title}</span>
            <span className="text-slate-600">{t(`meeting.${tpl.meetingType}` as MessageKey)}</span>
            <code className="ml-auto text-xs text-slate-600">{tpl.id}</code>
          </li>
        ))}
        {loaded?.broken.map((b) => (
          <li key={b.id} className="px-3 py-2 text-sm">
            <span className="font-medium text-red-800">
              {t('options.templates.broken')}: <code>{b.id}</code>
            </span>
            <ul className="ml-5 list-disc text-red-800">
              {b.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <label htmlFor={fileId} className="block text-sm font-medium">
          {t('options.templates.import')}
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="mt-1 text-sm"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <div role="status" className="mt-3 text-sm" data-testid="import-result">
        {result?.ok === true && (
          <p className="text-green-800">{t('options.templates.imported', { title: result.title })}</p>
        )}
        {result?.ok === false && (
          <div className="rounded border-l-4 border-red-600 bg-red-50 p-3 text-red-900">
            <p className="font-medium">{t('options.templates.invalid')}</p>
            <IssueList errors={result.errors} />
          </div>
        )}
      </div>
    </section>
  );
}
