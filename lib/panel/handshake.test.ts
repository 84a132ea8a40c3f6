import { describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { DEFAULT_LAYOUT, PANEL_PORT_NAME, PANEL_READY } from '../messaging/constants';
import { startHandshake } from './handshake';
import { connectToHost } from './host-connection';
import { usePanelStore } from './panel-store';
import { aCitizen } from '../../tests/fixtures/citizens';

const TOKEN = '0f8fad5bd9cb469fa16570867728950e';
const OTHER = '7c9e6679742540de944be07fc1f90ae7';

/** A port as tabs.connect returns it, with hooks to play the bridge's side. */
function fakePort(name: string) {
  const onMessage: ((raw: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const sent: unknown[] = [];
  const port = {
    name,
    sent,
    postMessage: (m: unknown) => sent.push(m),
    onMessage: { addListener: (f: (raw: unknown) => void) => onMessage.push(f) },
    onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
    answer: (raw: unknown) => onMessage.forEach((f) => f(raw)),
    drop: () => onDisconnect.forEach((f) => f()),
  };
  return port;
}
type FakePort = ReturnType<typeof fakePort>;

/** The panel's window in a frame: its parent is the host page. */
function framedWindow() {
  const parent = { postMessage: vi.fn() };
  const listeners = new Map<string, (e: MessageEvent) => void>();
  const win = {
    parent,
    location: { pathname: '/panel.html', search: '' },
    addEventListener: (type: string, f: (e: MessageEvent) => void) => listeners.set(type, f),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  const post = (data: unknown, source: unknown = parent) =>
    listeners.get('message')?.({ data, source } as MessageEvent);
  return { win: win as unknown as Window & typeof globalThis, parent, post, listening: () => listeners.has('message') };
}

function inTab(id: number | undefined) {
  const ports: FakePort[] = [];
  vi.spyOn(browser.tabs, 'getCurrent').mockImplementation((() =>
    Promise.resolve(id === undefined ? undefined : { id })) as typeof browser.tabs.getCurrent);
  const connect = vi.spyOn(browser.tabs, 'connect').mockImplementation((_tab, info) => {
    const port = fakePort(info?.name ?? '');
    ports.push(port);
    return port as unknown as Browser.runtime.Port;
  });
  return { ports, connect };
}

/** A handshake started in a frame of tab 7, once the tab is known. */
async function handshakeInTab() {
  const tab = inTab(7);
  const { win, post } = framedWindow();
  const link = startHandshake(win);
  await link.inTab;
  return { ...tab, post, link };
}

describe('startHandshake', () => {
  it('asks the bridge for its token and connects to the top frame of its own tab with it', async () => {
    const { ports, connect } = inTab(7);
    const { win, parent, post } = framedWindow();
    const link = startHandshake(win);
    expect(parent.postMessage).toHaveBeenCalledWith(PANEL_READY, '*');
    // The token may come before the tab is known: it waits.
    post(TOKEN);
    expect(connect).not.toHaveBeenCalled();
    expect(await link.inTab).toBe(true);
    expect(connect).toHaveBeenCalledWith(7, { name: PANEL_PORT_NAME + TOKEN, frameId: 0 });
    expect(ports).toHaveLength(1);
  });

  it('keeps what the bridge sent before the app attached, then hands over the rest as it comes', async () => {
    const { ports, post, link } = await handshakeInTab();
    post(TOKEN);
    ports[0]!.answer({ type: 'layout' });
    ports[0]!.answer({ type: 'citizen' });
    const received: unknown[] = [];
    link.attach((raw) => received.push(raw), vi.fn());
    expect(received).toEqual([{ type: 'layout' }, { type: 'citizen' }]);
    ports[0]!.answer({ type: 'insert-result' });
    expect(received).toHaveLength(3);
    expect(link.post({ type: 'set-collapsed', collapsed: true })).toBe(true);
    expect(ports[0]!.sent).toEqual([{ type: 'set-collapsed', collapsed: true }]);
  });

  it('tries only token-shaped messages from its parent, each once, and keeps the port the bridge answers on', async () => {
    const { ports, connect, post, link } = await handshakeInTab();
    post(TOKEN, {}); // not the parent
    post('not a token');
    post({ token: TOKEN });
    expect(connect).not.toHaveBeenCalled();
    post(OTHER); // a token forged by the host page: the bridge never answers it
    post(TOKEN);
    post(TOKEN);
    expect(ports.map((p) => p.name)).toEqual([PANEL_PORT_NAME + OTHER, PANEL_PORT_NAME + TOKEN]);
    const received: unknown[] = [];
    link.attach((raw) => received.push(raw), vi.fn());
    ports[1]!.answer({ type: 'citizen' });
    ports[0]!.answer({ type: 'forged' });
    expect(received).toEqual([{ type: 'citizen' }]);
    // Refused ports closing does not matter; the accepted one closing does.
    const closed = vi.fn();
    link.attach((raw) => received.push(raw), closed);
    ports[0]!.drop();
    expect(closed).not.toHaveBeenCalled();
    ports[1]!.drop();
    expect(closed).toHaveBeenCalledOnce();
    expect(link.post({ type: 'set-collapsed', collapsed: true })).toBe(false);
  });

  it('tells an app that attaches late that the port went already', async () => {
    const { ports, post, link } = await handshakeInTab();
    post(TOKEN);
    ports[0]!.answer({ type: 'citizen' });
    ports[0]!.drop();
    const closed = vi.fn();
    link.attach(vi.fn(), closed);
    expect(closed).toHaveBeenCalledOnce();
  });

  it('outside a tab there is no bridge: nothing is asked and nothing listens', async () => {
    inTab(undefined);
    const framed = framedWindow();
    expect(await startHandshake(framed.win).inTab).toBe(false);
    expect(framed.listening()).toBe(false);

    const top = { addEventListener: vi.fn(), postMessage: vi.fn() } as unknown as Window & { parent: Window };
    top.parent = top;
    expect(await startHandshake(top).inTab).toBe(false);
    expect(top.addEventListener).not.toHaveBeenCalled();
  });
});

describe('connectToHost', () => {
  it('is connected once the page has said whom it shows, not at its layout', async () => {
    usePanelStore.setState(usePanelStore.getInitialState(), true);
    const { ports } = inTab(7);
    const { win, post } = framedWindow();
    const connecting = connectToHost(win);
    post(TOKEN);
    await connecting;
    expect(usePanelStore.getState().linked).toBe(false);
    ports[0]!.answer({ type: 'layout', layout: { ...DEFAULT_LAYOUT, width: 480 }, heavy: false });
    // Still "connecting", so the panel does not show "no citizen on the page" first;
    // but the bridge has answered, so the panel may show its lock.
    expect(usePanelStore.getState()).toMatchObject({ connection: 'connecting', linked: true, layout: { width: 480 } });
    ports[0]!.answer({ type: 'citizen', detection: { status: 'found', citizen: aCitizen() } });
    expect(usePanelStore.getState()).toMatchObject({ connection: 'connected', detection: { status: 'found' } });
  });
});
