import type { MessageKey } from '@/lib/i18n/messages';
import type { PackPreview as Preview } from '@/lib/packs/config-repository';
import { allExpired } from '@/lib/packs/validity';
import { isoToday } from '@/lib/templates/form';
import { ExpiringList } from './ExpiringList';
import { useT } from '@/components/ui/i18n';

/** What a pack would change, shown before anything is applied. */
export function PackPreview({
  preview,
  onInstall,
  onCancel,
}: {
  preview: Extract<Preview, { ok: true }>;
  onInstall(): void;
  onCancel(): void;
}) {
  const t = useT();
  const { pack, diff } = preview;
  return (
    <section className="mt-3 rounded border border-sky-700 bg-sky-50 p-3 text-sm" aria-labelledby="pack-preview-title">
      <h3 id="pack-preview-title" className="font-semibold">
        {t('packs.preview.title', { name: pack.name, version: pack.version, publisher: pack.publisher })}
      </h3>
      <p className="text-slate-700">
        {preview.signedBy ? t('packs.signedBy', { key: preview.signedBy }) : t('packs.unsigned')}
      </p>
      {allExpired(pack, isoToday()) && (
        <p
          role="alert"
          data-testid="pack-preview-all-expired"
          className="mt-1 rounded border-l-4 border-red-600 bg-red-50 p-2 text-red-900"
        >
          {t('packs.preview.allExpired')}
        </p>
      )}
      <ExpiringList pack={pack} />
      {diff === null ? (
        <p className="mt-1">
          {t('packs.preview.new', {
            templates: pack.templates.length,
            checklists: pack.checklists.length,
            adapters: pack.adapters.length,
          })}
        </p>
      ) : (
        <div className="mt-1" data-testid="pack-diff">
          <p>{t('packs.preview.from', { from: diff.from, to: diff.to })}</p>
          {diff.added.length + diff.removed.length + diff.changed.length === 0 && <p>{t('packs.preview.none')}</p>}
          {(
            [
              ['packs.preview.added', diff.added],
              ['packs.preview.removed', diff.removed],
              ['packs.preview.changed', diff.changed],
            ] as const
          ).map(([label, items]) =>
            items.length ? (
              <div key={label} className="mt-1">
                <p className="font-medium">{t(label)}</p>
                <ul className="ml-5 list-disc">
                  {items.map((item) => (
                    <li key={`${item.kind}:${item.id}`}>
                      {item.title} ({t(`packs.kind.${item.kind}` as MessageKey)})
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </div>
      )}
      {pack.changelog.length > 0 && (
        <p className="mt-1 text-slate-700">
          {pack.changelog[0]!.version}: {pack.changelog[0]!.changes}
        </p>
      )}
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          className="rounded bg-sky-800 px-3 py-1 font-medium text-white hover:bg-sky-900"
          onClick={onInstall}
        >
          {t('packs.preview.install')}
        </button>
        <button
          type="button"
          className="rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-100"
          onClick={onCancel}
        >
          {t('packs.preview.cancel')}
        </button>
      </div>
    </section>
  );
}
