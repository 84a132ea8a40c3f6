import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import {
  coveredByManifest,
  originPattern,
  publishAdapters,
  unusedOrigins,
  type AdapterState,
} from '@/lib/adapters/registry';
import type { ProbeResult } from '@/lib/adapters/probe';
import { describeBridgeError, lastBridgeError, type BridgeError } from '@/lib/adapters/bridge-errors';
import { usePanelStore } from '@/lib/panel/panel-store';
import type { Repositories } from '@/lib/repositories';
import type { Adapter } from '@/lib/host/adapter';
import { demoAdapter } from '@/lib/host/demo-adapter';
import type { MessageKey } from '@/lib/i18n/messages';
import { parseMessage, pickerToOptionsSchema, type PickedSelectors } from '@/lib/messaging/protocol';
import { useT } from '../panel/panel-context';
import { AdapterEditor } from './AdapterEditor';
import { adapterReaders } from './readers';
import { probeOnce } from './use-probe';

type Phase =
  | { kind: 'idle' }
  | { kind: 'picking'; tabId: number; url: URL; title: string }
  | { kind: 'editing'; tabId: number; url: URL; draft: Adapter; askScope: boolean };
type Message = { tone: 'ok' | 'error' | 'info'; key: MessageKey; params?: Record<string, string> } | null;

const slug = (host: string) =>
  host
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 60) || 'sagssystem';

function draftFrom(picks: PickedSelectors, url: URL, title: string, journalLabel: string): Adapter {
  return {
    id: slug(url.hostname),
    name:
      title
        .split(/\s[—–|-]\s/)
        .pop()
        ?.trim() || url.hostname,
    version: 1,
    matches: [originPattern(url)],
    spa: true,
    citizen: {
      ...(picks.scope ? { scope: picks.scope } : {}),
      cpr: picks.cpr,
      name: picks.name,
      fields: picks.fields,
    },
    journal: picks.targets.map((target, i) => ({
      selector: target.selector,
      label: target.label || (i === 0 ? journalLabel : `${journalLabel} ${i + 1}`),
    })),
  };
}

async function openTab(url: URL): Promise<Browser.tabs.Tab> {
  const [open] = (await browser.tabs.query({ url: originPattern(url) })).filter((tab) =>
    tab.url?.startsWith(url.origin),
  );
  const tab = open ?? (await browser.tabs.create({ url: url.href, active: false }));
  if (tab.status !== 'complete') {
    await new Promise<void>((resolve) => {
      const listener = (id: number, info: Browser.tabs.OnUpdatedInfo) => {
        if (id !== tab.id || info.status !== 'complete') return;
        browser.tabs.onUpdated.removeListener(listener);
        resolve();
      };
      browser.tabs.onUpdated.addListener(listener);
    });
  }
  return tab;
}

/**
 * Case systems: the built-in demo, those a team lead taught Sidevogn, and
 * "Lær siden" — permission for exactly one origin, the element picker in the
 * case-system tab, a live check of every selector, then save and register.
 */
export function AdapterSettings({ repository }: { repository: Repositories }) {
  const t = useT();
  const adapters = useLiveQuery(() => repository.adapters.list(), [repository]);
  const [states, setStates] = useState<Record<string, AdapterState>>({});
  const [address, setAddress] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<Message>(null);
  const [check, setCheck] = useState<{
    id: string;
    url: string;
    results: Record<string, ProbeResult>;
    /** The last thing that went wrong between the panel and this origin (lib/adapters/bridge-errors.ts). */
    lastError: BridgeError | undefined;
  } | null>(null);
  const locale = usePanelStore((s) => s.locale);
  const urlId = useId();

  const refresh = useCallback(() => publishAdapters(repository).then(setStates), [repository]);
  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  // The picker's answer, only from the tab it was injected into.
  useEffect(() => {
    if (phase.kind !== 'picking') return;
    const listener = (raw: unknown, sender: Browser.runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab?.id !== phase.tabId) return;
      const msg = parseMessage(pickerToOptionsSchema, raw);
      if (!msg) return;
      void browser.tabs.getCurrent().then(async (me) => {
        if (me?.id !== undefined) await browser.tabs.update(me.id, { active: true });
      });
      if (msg.type === 'picker-cancelled') {
        setPhase({ kind: 'idle' });
        setMessage({ tone: 'info', key: 'adapters.pickCancelled' });
      } else {
        setMessage(null);
        setPhase({
          kind: 'editing',
          tabId: phase.tabId,
          url: phase.url,
          draft: draftFrom(msg.picks, phase.url, phase.title, t('field.journal')),
          askScope: !!msg.picks.severalCitizens,
        });
      }
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [phase, t]);

  const learn = async () => {
    let url: URL;
    try {
      url = new URL(address.trim());
      if (!/^https?:$/.test(url.protocol)) throw new Error('scheme');
    } catch {
      setMessage({ tone: 'error', key: 'adapters.badUrl' });
      return;
    }
    const pattern = originPattern(url);
    try {
      // Asked first, while the click still counts as a user gesture: exactly this origin.
      const granted = coveredByManifest(pattern) || (await browser.permissions.request({ origins: [pattern] }));
      if (!granted) {
        setMessage({ tone: 'error', key: 'adapters.denied', params: { origin: url.origin } });
        return;
      }
      const tab = await openTab(url);
      await browser.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/picker.js'] });
      await browser.tabs.update(tab.id!, { active: true });
      setPhase({ kind: 'picking', tabId: tab.id!, url, title: tab.title ?? '' });
      setMessage({ tone: 'info', key: 'adapters.picking' });
    } catch (e) {
      setMessage({
        tone: 'error',
        key: 'adapters.failed',
        params: { error: e instanceof Error ? e.message : String(e) },
      });
    }
  };

  const save = async (adapter: Adapter, tabId: number, url: URL) => {
    await repository.adapters.save(adapter);
    await refresh();
    setPhase({ kind: 'idle' });
    setMessage({ tone: 'ok', key: 'adapters.saved', params: { name: adapter.name, origin: url.origin } });
    // The registered bridge starts on the next page load.
    await browser.tabs.reload(tabId).catch(() => undefined);
  };

  const remove = async (adapter: Adapter) => {
    await repository.adapters.remove(adapter.id);
    const remaining = await repository.adapters.list();
    await refresh();
    const origins = unusedOrigins(adapter, remaining);
    if (origins.length > 0) await browser.permissions.remove({ origins }).catch(() => false);
    setMessage({ tone: 'ok', key: 'adapters.removed', params: { name: adapter.name } });
  };

  const runCheck = async (adapter: Adapter) => {
    const tabs = await browser.tabs.query({ url: adapter.matches }).catch(() => []);
    const tab = tabs.find((x) => x.active) ?? tabs[0];
    if (tab?.id === undefined) {
      setCheck(null);
      setMessage({ tone: 'error', key: 'adapters.checkNoTab', params: { name: adapter.name } });
      return;
    }
    setMessage(null);
    const [results, lastError] = await Promise.all([
      probeOnce(tab.id, adapterReaders(adapter)),
      lastBridgeError(tab.url ?? '').catch(() => undefined),
    ]);
    setCheck({ id: adapter.id, url: tab.url ?? '', results, lastError });
  };

  const list = [...(adapters ?? []), demoAdapter];
  return (
    <section className="mt-8" aria-labelledby="adapters-heading">
      <h2 id="adapters-heading" className="text-lg font-semibold">
        {t('adapters.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('adapters.intro')}</p>
      <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300" aria-labelledby="adapters-heading">
        {list.map((a) => {
          const builtIn = a === demoAdapter;
          return (
            <li key={a.id} className="px-3 py-2 text-sm" data-testid={`adapter-${a.id}`}>
              <div className="flex flex-wrap items-baseline gap-3">
                <span className="font-medium">{a.name}</span>
                <code className="text-xs text-slate-600">{a.matches.join(' ')}</code>
                <span className="text-xs" data-testid="adapter-state">
                  {builtIn
                    ? t('adapters.builtIn')
                    : states[a.id] === 'no-access'
                      ? t('adapters.noAccess')
                      : t('adapters.active')}
                </span>
                <span className="ml-auto flex gap-2">
                  <button type="button" className="text-sky-800 underline" onClick={() => void runCheck(a)}>
                    {t('adapters.check')}
                  </button>
                  {!builtIn && (
                    <button
                      type="button"
                      className="text-sky-800 underline"
                      aria-label={t('adapters.remove', { name: a.name })}
                      onClick={() => void remove(a)}
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
              {check?.id === a.id && (
                <div data-testid="health-check" className="mt-2">
                  <p className="text-xs text-slate-600">{t('adapters.checkResult', { url: check.url })}</p>
                  <ul className="mt-1 grid grid-cols-2 gap-x-4">
                    {Object.entries(adapterReaders(a)).map(([key, _reader]) => {
                      const r = check.results[key];
                      const target = key.startsWith('journal')
                        ? a.journal[Number(key.split('-')[1] ?? 1) - 1]
                        : undefined;
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
              )}
            </li>
          );
        })}
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
        <form
          className="mt-4 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void learn();
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
              onChange={(e) => setAddress(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
          >
            {t('adapters.learn')}
          </button>
        </form>
      )}
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
    </section>
  );
}
