import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useState } from 'react';
import { describeBridgeError } from '@/lib/adapters/bridge-errors';
import {
  checkAdapter,
  draftFrom,
  onPickerAnswer,
  NotPublishedError,
  parseLearnAddress,
  reloadCaseTab,
  removeAdapter,
  saveAdapter,
  startPicking,
  type HealthCheck,
} from '@/lib/adapters/learning';
import { adapterReaders } from '@/lib/adapters/readers';
import { publishAdapters, ungrantedPatterns, type AdapterState } from '@/lib/adapters/registry';
import { saveFailure, saveFailureReason } from '@/lib/db/storage-errors';
import type { Repositories } from '@/lib/repositories';
import type { Adapter } from '@/lib/host/adapter';
import { demoAdapter } from '@/lib/host/demo-adapter';
import type { MessageKey } from '@/lib/i18n/messages';
import { useLocale, useT } from '@/components/ui/i18n';
import { AdapterEditor } from './AdapterEditor';

type Phase =
  | { kind: 'idle' }
  | { kind: 'picking'; tabId: number; url: URL; title: string }
  | { kind: 'editing'; tabId: number; url: URL; draft: Adapter; askScope: boolean };
type Message = { tone: 'ok' | 'error' | 'info'; key: MessageKey; params?: Record<string, string> } | null;

/** The picker's answer, only from the tab it was injected into: the editor with what was picked, or back to idle. */
function usePickerAnswer(phase: Phase, setPhase: (p: Phase) => void, setMessage: (m: Message) => void) {
  const t = useT();
  useEffect(() => {
    if (phase.kind !== 'picking') return;
    return onPickerAnswer(phase.tabId, (answer) => {
      if (answer.type === 'picker-cancelled') {
        setPhase({ kind: 'idle' });
        setMessage({ tone: 'info', key: 'adapters.pickCancelled' });
      } else {
        setMessage(null);
        setPhase({
          kind: 'editing',
          tabId: phase.tabId,
          url: phase.url,
          draft: draftFrom(answer.picks, phase.url, phase.title, t('field.journal')),
          askScope: !!answer.picks.severalCitizens,
        });
      }
    });
  }, [phase, t, setPhase, setMessage]);
}

/** Removing and checking a case system, and what a failure of either (or of registering) says. */
function useListActions(
  repository: Repositories,
  setStates: (states: Record<string, AdapterState>) => void,
  setMessage: (message: Message) => void,
  setCheck: (check: HealthCheck | null) => void,
  refresh: () => Promise<void>,
) {
  const t = useT();
  /** Runs an action of the list; what goes wrong is said (adapters.failed). */
  const attempt = (action: () => Promise<void>) =>
    void action().catch((e: unknown) =>
      setMessage({ tone: 'error', key: 'adapters.failed', params: { error: saveFailureReason(t, saveFailure(e)) } }),
    );

  /** Stored or removed, but the scripts do not match yet: said as that, with why, and the list read again. */
  const notPublished = (key: MessageKey, adapter: Adapter, e: NotPublishedError) => {
    setMessage({
      tone: 'error',
      key,
      params: { name: adapter.name, reason: saveFailureReason(t, saveFailure(e.cause)) },
    });
    void refresh().catch(() => undefined);
  };

  const remove = async (adapter: Adapter) => {
    try {
      setStates(await removeAdapter(repository, adapter));
    } catch (e) {
      if (e instanceof NotPublishedError) return notPublished('adapters.removedNotPublished', adapter, e);
      throw e;
    }
    setMessage({ tone: 'ok', key: 'adapters.removed', params: { name: adapter.name } });
  };

  const runCheck = async (adapter: Adapter) => {
    setMessage(null);
    const found = await checkAdapter(adapter);
    setCheck(found);
    if (!found) setMessage({ tone: 'error', key: 'adapters.checkNoTab', params: { name: adapter.name } });
  };
  return { attempt, notPublished, remove, runCheck };
}

/**
 * Case systems: the built-in demo, those a team lead taught Sidevogn, and
 * "Lær siden" — permission for exactly one origin, the element picker in the
 * case-system tab, a live check of every selector, then save and register
 * (the browser work is in lib/adapters/learning.ts).
 */
export function AdapterSettings({ repository }: { repository: Repositories }) {
  const t = useT();
  const adapters = useLiveQuery(() => repository.adapters.list(), [repository]);
  const [states, setStates] = useState<Record<string, AdapterState>>({});
  const [address, setAddress] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<Message>(null);
  const [check, setCheck] = useState<HealthCheck | null>(null);

  const refresh = useCallback(() => publishAdapters(repository).then(setStates), [repository]);
  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  usePickerAnswer(phase, setPhase, setMessage);

  const learn = async () => {
    const url = parseLearnAddress(address);
    if (!url) return setMessage({ tone: 'error', key: 'adapters.badUrl' });
    try {
      const started = await startPicking(url, (step) =>
        setMessage(
          step === 'asking'
            ? { tone: 'info', key: 'adapters.asking', params: { origin: url.origin } }
            : { tone: 'info', key: 'adapters.opening' },
        ),
      );
      if (started.kind === 'denied')
        return setMessage({ tone: 'error', key: 'adapters.denied', params: { origin: url.origin } });
      setPhase({ kind: 'picking', tabId: started.tabId, url, title: started.title });
      setMessage({ tone: 'info', key: 'adapters.picking' });
    } catch (e) {
      setMessage({
        tone: 'error',
        key: 'adapters.failed',
        params: { error: e instanceof Error ? e.message : String(e) },
      });
    }
  };

  /** Saves from the editor; a failure is thrown for the editor to show, which stays open. */
  const save = async (adapter: Adapter, tabId: number, url: URL) => {
    // Access withdrawn since "Lær siden" (chrome://extensions): saved, it would never run.
    const missing = await ungrantedPatterns(adapter);
    if (missing.length > 0) throw new Error(t('adapters.notGranted', { patterns: missing.join(' ') }));
    let next: Record<string, AdapterState>;
    try {
      next = await saveAdapter(repository, adapter);
    } catch (e) {
      if (!(e instanceof NotPublishedError)) throw e;
      setPhase({ kind: 'idle' });
      return notPublished('adapters.savedNotPublished', adapter, e);
    }
    setStates(next);
    setPhase({ kind: 'idle' });
    // What the registration found, not what was asked: access withdrawn meanwhile leaves it off.
    if (next[adapter.id] !== 'active')
      return setMessage({ tone: 'error', key: 'adapters.savedNoAccess', params: { name: adapter.name } });
    setMessage({ tone: 'ok', key: 'adapters.saved', params: { name: adapter.name, origin: url.origin } });
    await reloadCaseTab(tabId);
  };

  const { attempt, notPublished, remove, runCheck } = useListActions(
    repository,
    setStates,
    setMessage,
    setCheck,
    refresh,
  );

  // The demo case system's adapter only in development and test builds (__DEMO__: wxt.config.ts).
  const list = [...(adapters ?? []), ...(__DEMO__ ? [demoAdapter] : [])];
  return (
    <section className="mt-8" aria-labelledby="adapters-heading">
      <h2 id="adapters-heading" className="text-lg font-semibold">
        {t('adapters.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('adapters.intro')}</p>
      <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300" aria-labelledby="adapters-heading">
        {list.map((a) => (
          <AdapterRow
            key={a.id}
            adapter={a}
            builtIn={a === demoAdapter}
            state={states[a.id]}
            check={check?.id === a.id ? check : null}
            onCheck={() => attempt(() => runCheck(a))}
            onRemove={() => attempt(() => remove(a))}
          />
        ))}
      </ul>

      {phase.kind === 'editing' ? (
        <AdapterEditor
          initial={phase.draft}
          tabId={phase.tabId}
          origin={phase.url.origin}
          askScope={phase.askScope}
          onSave={(adapter) => save(adapter, phase.tabId, phase.url)}
          onCancel={() => setPhase({ kind: 'idle' })}
        />
      ) : (
        <LearnForm address={address} onAddress={setAddress} onLearn={() => void learn()} />
      )}
      <AdapterMessage message={message} />
    </section>
  );
}

/** What "Lær siden", saving, removing or checking just did, or what the browser is waiting for. */
function AdapterMessage({ message }: { message: Message }) {
  const t = useT();
  return (
    <div role="status" className="mt-2 text-sm" data-testid="adapter-message">
      {message && (
        <p
          className={
            message.tone === 'ok' ? 'text-green-800' : message.tone === 'error' ? 'text-red-800' : 'text-slate-800'
          }
        >
          {t(message.key, message.params)}
        </p>
      )}
    </div>
  );
}

/** One case system in the list: its origins, whether it is active, and check/remove. */
function AdapterRow({
  adapter: a,
  builtIn,
  state,
  check,
  onCheck,
  onRemove,
}: {
  adapter: Adapter;
  builtIn: boolean;
  state: AdapterState | undefined;
  check: HealthCheck | null;
  onCheck: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <li className="px-3 py-2 text-sm" data-testid={`adapter-${a.id}`}>
      <div className="flex flex-wrap items-baseline gap-3">
        <span className="font-medium">{a.name}</span>
        <code className="text-xs text-slate-600">{a.matches.join(' ')}</code>
        <span className="text-xs" data-testid="adapter-state">
          {builtIn ? t('adapters.builtIn') : state === 'no-access' ? t('adapters.noAccess') : t('adapters.active')}
        </span>
        <span className="ml-auto flex gap-2">
          <button type="button" className="text-sky-800 underline" onClick={onCheck}>
            {t('adapters.check')}
          </button>
          {!builtIn && (
            <button
              type="button"
              className="text-sky-800 underline"
              aria-label={t('adapters.remove', { name: a.name })}
              onClick={onRemove}
            >
              {t('summary.remove')}
            </button>
          )}
        </span>
      </div>
      {!builtIn && a.matches.some((m) => m.startsWith('http://')) && (
        <p className="mt-1 text-xs text-amber-900" data-testid="adapter-unencrypted">
          {t('adapters.unencrypted')}
        </p>
      )}
      {check && <HealthCheckResult adapter={a} check={check} />}
    </li>
  );
}

/** What each selector of the adapter found on the open tab, and the last bridge error there. */
function HealthCheckResult({ adapter: a, check }: { adapter: Adapter; check: HealthCheck }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div data-testid="health-check" className="mt-2">
      <p className="text-xs text-slate-600">{t('adapters.checkResult', { url: check.url })}</p>
      <ul className="mt-1 grid grid-cols-2 gap-x-4">
        {Object.keys(adapterReaders(a)).map((key) => {
          const r = check.results[key];
          const target = key.startsWith('journal') ? a.journal[Number(key.split('-')[1] ?? 1) - 1] : undefined;
          const found = !!r && r.count > 0 && (target ? r.editable : r.value !== null);
          return (
            <li key={key} data-testid={`health-${key}`}>
              {target
                ? target.label
                : t(
                    key === 'scope'
                      ? 'adapters.scope'
                      : key === 'cpr' || key === 'name'
                        ? `field.${key}`
                        : (`fact.${key}` as MessageKey),
                  )}
              :{' '}
              <span className={found ? 'text-green-800' : 'font-medium text-red-800'}>
                {found ? t('adapters.found') : t('adapters.missing')}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs" data-testid="health-last-error">
        {check.lastError ? (
          <span className="text-red-800">{describeBridgeError(t, locale, check.lastError)}</span>
        ) : (
          <span className="text-slate-600">{t('adapters.noError')}</span>
        )}
      </p>
    </div>
  );
}

/** The address of a case-system page, and "Lær siden". */
function LearnForm({
  address,
  onAddress,
  onLearn,
}: {
  address: string;
  onAddress: (address: string) => void;
  onLearn: () => void;
}) {
  const t = useT();
  const urlId = useId();
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onLearn();
      }}
    >
      <div className="min-w-0 flex-1">
        <label htmlFor={urlId} className="block text-sm font-medium">
          {t('adapters.url')}
        </label>
        <input
          id={urlId}
          type="url"
          className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
          placeholder="https://sag.kommune.dk/borger/…"
          value={address}
          onChange={(e) => onAddress(e.target.value)}
        />
      </div>
      <button type="submit" className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900">
        {t('adapters.learn')}
      </button>
    </form>
  );
}
