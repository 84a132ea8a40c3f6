import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PackSource } from '@/lib/packs/config-records';
import { diagnoseSaveFailure, saveFailureReason } from '@/lib/db/storage-errors';
import type { InstalledPack, PackPreview as Preview } from '@/lib/packs/config-repository';
import type { Repositories } from '@/lib/repositories';
import { formatDateTime, type Translate } from '@/lib/i18n/i18n';
import { readPackPolicy, type PackPolicy } from '@/lib/packs/policy';
import { compareSemver } from '@/lib/packs/schema';
import { fetchPackText, refreshUrlPack } from '@/lib/packs/sources';
import { parsePackText } from '@/lib/packs/validate';
import { useLocale, useT } from '@/components/ui/i18n';
import { IssueList } from '@/components/ui/IssueList';
import { ExpiringList } from './ExpiringList';
import { PackPreview } from './PackPreview';

type Pending = { preview: Extract<Preview, { ok: true }>; source: PackSource; activateOnly?: boolean };
type Message = { tone: 'ok' | 'error'; text: string; errors?: string[] } | null;

/** The organisation's pack policy, read again when it changes; null until read. */
function usePackPolicy(): PackPolicy | null {
  const [policy, setPolicy] = useState<PackPolicy | null>(null);
  useEffect(() => {
    const read = () => void readPackPolicy().then(setPolicy);
    read();
    const onChanged = (_changes: unknown, area: string) => void (area === 'managed' && read());
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return policy;
}

/**
 * "Opdatér nu": fetches the pack's address again. What to say, or the version
 * that waits for approval to show; an organisation's pack is taken into use at
 * once, and the message names the version now in use.
 */
async function refreshPack(
  repository: Repositories,
  p: InstalledPack,
  trustedKeys: string[],
  t: Translate,
): Promise<NonNullable<Message> | { show: string }> {
  if (p.state.source.kind !== 'url' && p.state.source.kind !== 'policy') return { tone: 'ok', text: '' };
  const outcome = await refreshUrlPack(repository, p.state.id, p.state.source, trustedKeys);
  if (outcome.status === 'error') return { tone: 'error', text: t('packs.invalid'), errors: outcome.error.split('\n') };
  if (outcome.status === 'available') return { show: outcome.version };
  if (outcome.status !== 'installed') return { tone: 'ok', text: t('packs.refreshed.none') };
  const installed = await repository.packs.version(p.state.id, outcome.version).catch(() => undefined);
  return {
    tone: 'ok',
    text: t('packs.installed', { name: installed?.name ?? p.active.name, version: outcome.version }),
  };
}

/** Installed packs, their versions and sources, and adding packs by file, drop or URL. */
export function PackSettings({ repository }: { repository: Repositories }) {
  const t = useT();
  const packs = useLiveQuery(() => repository.packs.list(), [repository]);
  // Unknown until read: nothing a policy could forbid is offered before then.
  const policy = usePackPolicy();
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const trustedKeys = policy?.trustedPackKeys ?? [];

  const refuse = (errors: string[]) => setMessage({ tone: 'error', text: t('packs.invalid'), errors });
  const refuseError = (e: unknown) => refuse([e instanceof Error ? e.message : String(e)]);
  /** An action on an installed pack that threw (a full disk, say): not a refused pack. */
  const failed = (e: unknown) =>
    void diagnoseSaveFailure(e).then((failure) =>
      setMessage({ tone: 'error', text: t('packs.failed', { reason: saveFailureReason(t, failure) }) }),
    );

  const previewText = async (text: string, source: PackSource) => {
    setMessage(null);
    setPending(null);
    const parsed = parsePackText(text);
    if (!parsed.ok) return refuse(parsed.errors);
    let preview: Preview;
    try {
      // Reads the installed packs: on a full disk Chromium may not open the database at all.
      preview = await repository.packs.preview(parsed.pack, trustedKeys);
    } catch (e) {
      if ((await diagnoseSaveFailure(e)).kind === 'quota')
        return setMessage({ tone: 'error', text: t('storage.fullNothingChanged') });
      return refuseError(e);
    }
    if (!preview.ok) return refuse(preview.errors);
    setPending({ preview, source });
  };

  const install = async ({ preview, source, activateOnly }: Pending) => {
    try {
      if (activateOnly) await repository.packs.restore(preview.pack.id, preview.pack.version);
      else await repository.packs.install(preview.pack, source, { signedBy: preview.signedBy });
      setMessage({
        tone: 'ok',
        text: t('packs.installed', { name: preview.pack.name, version: preview.pack.version }),
      });
    } catch (e) {
      // A full disk is no fault of the pack: say so, and keep the preview to install again once there is room.
      if ((await diagnoseSaveFailure(e)).kind === 'quota')
        return setMessage({ tone: 'error', text: t('storage.fullNothingChanged') });
      refuseError(e);
    }
    setPending(null);
  };

  const showUpdate = async (p: InstalledPack, version: string) => {
    const pack = await repository.packs.version(p.state.id, version);
    if (!pack) return;
    const preview = await repository.packs.preview(pack, trustedKeys);
    if (preview.ok) setPending({ preview, source: p.state.source, activateOnly: true });
    else refuse(preview.errors);
  };

  return (
    <section className="mt-8" aria-labelledby="packs-heading">
      <h2 id="packs-heading" className="text-lg font-semibold">
        {t('packs.heading')}
      </h2>
      <p className="text-sm text-slate-700">{t('packs.intro')}</p>
      <ul className="mt-2 space-y-2">
        {packs?.map((p) => (
          <PackRow
            key={p.state.id}
            pack={p}
            onShowUpdate={(v) => void showUpdate(p, v).catch(failed)}
            onUseVersion={(v) => void repository.packs.restore(p.state.id, v).catch(failed)}
            onRefresh={() =>
              refreshPack(repository, p, trustedKeys, t)
                .then((next) => ('show' in next ? showUpdate(p, next.show) : setMessage(next)))
                .catch(failed)
            }
            onRemove={() => {
              if (window.confirm(t('packs.remove.confirm', { name: p.active.name })))
                void repository.packs.remove(p.state.id).catch(failed);
            }}
          />
        ))}
      </ul>

      {policy && policy.problems.length > 0 && <PolicyProblems problems={policy.problems} />}
      {!policy ? (
        <p className="mt-4 text-sm text-slate-700">{t('packs.policyLoading')}</p>
      ) : policy.allowUserPacks ? (
        <PackImport onText={(text, source) => void previewText(text, source)} onError={(error) => refuse([error])} />
      ) : (
        <p className="mt-4 rounded bg-slate-100 p-3 text-sm">{t('packs.policyNoUser')}</p>
      )}

      {pending && (
        <PackPreview
          preview={pending.preview}
          onInstall={() => void install(pending)}
          // The preview set aside, and with it what was said of installing it.
          onCancel={() => {
            setPending(null);
            setMessage(null);
          }}
        />
      )}
      <PackMessage message={message} />
    </section>
  );
}

function PackRow({
  pack,
  onShowUpdate,
  onUseVersion,
  onRefresh,
  onRemove,
}: {
  pack: InstalledPack;
  onShowUpdate(version: string): void;
  onUseVersion(version: string): void;
  onRefresh(): Promise<void>;
  onRemove(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const versionId = useId();
  const { state, active, versions } = pack;
  const newer = versions.find((v) => compareSemver(v, state.activeVersion) > 0);
  const source = state.source;
  return (
    <li className="rounded border border-slate-300 p-3 text-sm" data-testid="installed-pack">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-semibold">{active.name}</span>
        <span className="text-slate-700">
          {t('packs.publisher')}: {active.publisher}
        </span>
        <code className="ml-auto text-xs text-slate-600">{active.id}</code>
      </div>
      <p className="text-slate-700">
        {source.kind === 'url' || source.kind === 'policy'
          ? t(source.kind === 'url' ? 'packs.source.url' : 'packs.source.policy', { url: source.url })
          : t(`packs.source.${source.kind}`)}
        {'checkedAt' in source && source.checkedAt
          ? ` · ${t('packs.checked', { time: formatDateTime(locale, source.checkedAt) })}`
          : ''}
      </p>
      {'error' in source && source.error && <p className="text-red-800">{t('packs.error', { error: source.error })}</p>}
      {state.blocked && (
        <p className="mt-1 rounded bg-red-50 p-2 text-red-900" data-testid="pack-blocked">
          {t('packs.blocked', { reason: state.blocked })}
        </p>
      )}
      <ExpiringList pack={active} />
      {newer && (
        <p className="mt-1 rounded bg-amber-50 p-2 text-amber-900">
          {t('packs.available', { version: newer })}{' '}
          <button type="button" className="underline" onClick={() => onShowUpdate(newer)}>
            {t('packs.showChanges')}
          </button>
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor={versionId}>{t('packs.useVersion')}</label>
        <select
          id={versionId}
          className="rounded border border-slate-400 px-1 py-0.5"
          value={state.activeVersion}
          onChange={(e) => onUseVersion(e.target.value)}
        >
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        {(source.kind === 'url' || source.kind === 'policy') && (
          <button
            type="button"
            className="rounded border border-slate-400 px-2 py-0.5 hover:bg-slate-100"
            onClick={() => void onRefresh()}
          >
            {t('packs.refresh')}
          </button>
        )}
        {(state.removable || state.blocked) && (
          <button type="button" className="ml-auto text-red-800 underline" onClick={onRemove}>
            {t('packs.remove')}
          </button>
        )}
      </div>
    </li>
  );
}

function PolicyProblems({ problems }: { problems: string[] }) {
  const t = useT();
  return (
    <div role="alert" className="mt-4 rounded border-l-4 border-red-600 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">{t('packs.policyProblems')}</p>
      <ul className="mt-1 ml-5 list-disc" data-testid="policy-problems">
        {problems.map((problem) => (
          <li key={problem}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Adding a pack: a file chosen or dropped, or an https address fetched. */
function PackImport({
  onText,
  onError,
}: {
  onText: (text: string, source: PackSource) => void;
  onError: (error: string) => void;
}) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  const fileId = useId();
  const urlId = useId();
  return (
    <div
      className={`mt-4 rounded border-2 border-dashed p-3 ${dragging ? 'border-sky-700 bg-sky-50' : 'border-slate-300'}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void file.text().then((text) => onText(text, { kind: 'file' }));
      }}
    >
      <label htmlFor={fileId} className="block text-sm font-medium">
        {t('packs.import.file')}
      </label>
      <input
        id={fileId}
        type="file"
        accept="application/json,.json"
        className="mt-1 text-sm"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void file.text().then((text) => onText(text, { kind: 'file' }));
          e.target.value = '';
        }}
      />
      <p className="text-xs text-slate-600">{t('packs.import.drop')}</p>
      <form
        className="mt-3 flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void fetchPackText(url).then((fetched) => {
            if (fetched.status === 'error') return onError(fetched.error);
            if (fetched.status === 'ok')
              onText(fetched.text, {
                kind: 'url',
                url,
                etag: fetched.etag,
                lastModified: fetched.lastModified,
                checkedAt: Date.now(),
                error: null,
              });
          });
        }}
      >
        <div className="flex-1">
          <label htmlFor={urlId} className="block text-sm font-medium">
            {t('packs.import.url')}
          </label>
          <input
            id={urlId}
            type="url"
            required
            pattern="https://.+"
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1 text-sm"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
        >
          {t('packs.import.fetch')}
        </button>
      </form>
    </div>
  );
}

function PackMessage({ message }: { message: Message }) {
  return (
    <div role="status" className="mt-3 text-sm" data-testid="pack-message">
      {message && (
        <div
          className={`rounded border-l-4 p-3 ${message.tone === 'ok' ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-600 bg-red-50 text-red-900'}`}
        >
          <p className="font-medium">{message.text}</p>
          {message.errors && <IssueList errors={message.errors} />}
        </div>
      )}
    </div>
  );
}
