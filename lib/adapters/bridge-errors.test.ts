import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { translator } from '../i18n/i18n';
import { PANEL_PORT_NAME } from '../messaging/constants';
import { connectToHost } from '../panel/host-connection';
import { usePanelStore } from '../panel/panel-store';
import {
  BRIDGE_ERRORS_KEY,
  MAX_BRIDGE_ERROR_ORIGINS,
  describeBridgeError,
  lastBridgeError,
  recordBridgeError,
} from './bridge-errors';

const HOST = 'http://sag.kommune.test:5190';
const TOKEN = '0f8fad5bd9cb469fa16570867728950e';

describe('the last bridge error per origin', () => {
  it('is kept by origin only, never the path (which may name a case), and read back for any page there', async () => {
    await recordBridgeError(`${HOST}/#/borger/k-jba`, { kind: 'not-verified', target: 'Journalnotat' }, 1000);
    expect(await lastBridgeError(`${HOST}/#/husstand/h-jba-bhl`)).toEqual({
      kind: 'not-verified',
      target: 'Journalnotat',
      at: 1000,
    });
    expect(JSON.stringify(await browser.storage.local.get(BRIDGE_ERRORS_KEY))).not.toContain('k-jba');
    expect(await lastBridgeError('http://other.test/')).toBeUndefined();
    // A later error replaces the earlier one.
    await recordBridgeError(HOST, { kind: 'timeout' }, 2000);
    expect(await lastBridgeError(HOST)).toEqual({ kind: 'timeout', at: 2000 });
  });

  it('remembers a bounded number of origins, the most recent ones', async () => {
    for (let i = 0; i <= MAX_BRIDGE_ERROR_ORIGINS; i++)
      await recordBridgeError(`http://host${i}.test/`, { kind: 'timeout' }, i);
    expect(await lastBridgeError('http://host0.test/')).toBeUndefined();
    expect(await lastBridgeError(`http://host${MAX_BRIDGE_ERROR_ORIGINS}.test/`)).toBeDefined();
  });

  it('ignores what is stored in another shape', async () => {
    await browser.storage.local.set({ [BRIDGE_ERRORS_KEY]: { [HOST]: { kind: 'boom' } } });
    expect(await lastBridgeError(HOST)).toBeUndefined();
  });

  it('is told in Danish and English, with its time', () => {
    const at = new Date(2026, 11, 6, 5, 10).getTime();
    const error = { kind: 'not-verified' as const, target: 'Journalnotat', at };
    expect(describeBridgeError(translator('da'), 'da', error)).toMatch(
      /^Sidste fejl: et notat kunne ikke bekræftes i feltet »Journalnotat« \(.*2026.*\)$/,
    );
    expect(describeBridgeError(translator('en'), 'en', { kind: 'timeout', at })).toMatch(
      /^Last error: Sidevogn could not connect to the page \(.*2026.*\)$/,
    );
    expect(describeBridgeError(translator('da'), 'da', { kind: 'not-writable', target: 'Journal', at })).toMatch(
      /^Sidste fejl: feltet »Journal« tog ikke imod markøren/,
    );
  });
});

class VisibleEntry {
  get isVisible() {
    return true;
  }
  time = 0;
}

/** The panel in a frame of tab 7 on HOST, with the bridge's port played by the test. */
function panelInFrame() {
  const onMessage: ((raw: unknown) => void)[] = [];
  const sent: { requestId?: string }[] = [];
  vi.spyOn(browser.tabs, 'getCurrent').mockImplementation((() =>
    Promise.resolve({ id: 7 })) as typeof browser.tabs.getCurrent);
  vi.spyOn(browser.tabs, 'connect').mockImplementation(
    (_tab, info) =>
      ({
        name: info?.name ?? PANEL_PORT_NAME,
        postMessage: (m: { requestId?: string }) => sent.push(m),
        onMessage: { addListener: (f: (raw: unknown) => void) => onMessage.push(f) },
        onDisconnect: { addListener: () => undefined },
      }) as unknown as Browser.runtime.Port,
  );
  let listener: ((e: MessageEvent) => void) | undefined;
  const parent: unknown = { postMessage: vi.fn() };
  const win = {
    parent,
    location: { pathname: '/panel.html', search: '', ancestorOrigins: [HOST] },
    addEventListener: (type: string, f: (e: MessageEvent) => void) => {
      if (type === 'message') listener = f;
    },
    removeEventListener: (type: string) => {
      if (type === 'message') listener = undefined;
    },
    performance,
    document: { documentElement: {} },
    // The frame is shown unobscured (IntersectionObserver v2 reports it visible).
    IntersectionObserverEntry: VisibleEntry,
    IntersectionObserver: class {
      constructor(private readonly report: (entries: VisibleEntry[]) => void) {}
      observe() {
        this.report([new VisibleEntry()]);
      }
      disconnect() {}
    },
  } as unknown as Window & typeof globalThis;
  const answer = (raw: unknown) => onMessage.forEach((f) => f(raw));
  const token = () => listener?.({ data: TOKEN, source: parent } as MessageEvent);
  return { win, answer, sent, token };
}

describe('the panel records what went wrong for the health check', () => {
  afterEach(() => vi.useRealTimers());

  it('an insert that could not be confirmed in its field', async () => {
    usePanelStore.setState(usePanelStore.getInitialState(), true);
    const { win, answer, sent, token } = panelInFrame();
    const connecting = connectToHost(win);
    token();
    const connection = await connecting;
    answer({ type: 'citizen', detection: { status: 'none' } });
    const inserting = connection.insert('Notat');
    await vi.waitFor(() => expect(sent.at(-1)?.requestId).toBeDefined());
    answer({
      type: 'insert-result',
      requestId: sent.at(-1)!.requestId,
      outcome: 'not-verified',
      target: 'Journalnotat',
      ms: 3,
    });
    expect((await inserting).outcome).toBe('not-verified');
    await vi.waitFor(async () =>
      expect(await lastBridgeError(HOST)).toMatchObject({ kind: 'not-verified', target: 'Journalnotat' }),
    );
  });

  it('a page that never answers the handshake within 3 s; a page that answers records nothing', async () => {
    vi.useFakeTimers();
    usePanelStore.setState(usePanelStore.getInitialState(), true);
    const silent = panelInFrame();
    await connectToHost(silent.win);
    await vi.advanceTimersByTimeAsync(3_000);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await lastBridgeError(HOST)).toMatchObject({ kind: 'timeout' }));

    await browser.storage.local.clear();
    vi.useFakeTimers();
    usePanelStore.setState(usePanelStore.getInitialState(), true);
    const answering = panelInFrame();
    const connecting = connectToHost(answering.win);
    answering.token();
    await connecting;
    answering.answer({ type: 'citizen', detection: { status: 'none' } });
    await vi.advanceTimersByTimeAsync(3_000);
    vi.useRealTimers();
    expect(await lastBridgeError(HOST)).toBeUndefined();
  });
});
