// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_LAYOUT } from '../messaging/constants';
import type { HostConnection } from './host-connection';
import { listenForFocus, NOT_FIRST_STOP, viewFirstStop } from './focus';
import { usePanelStore } from './panel-store';

const TAB = 7;
const sent: unknown[] = [];
const host = { tabId: () => TAB, send: (m: unknown) => sent.push(m) } as unknown as HostConnection;
const fromFieldScript = { id: fakeBrowser.runtime.id, tab: { id: TAB }, frameId: 0 };
/** fakeBrowser's trigger, as the browser calls a listener: message, sender, sendResponse. */
const trigger = (...args: unknown[]) =>
  (fakeBrowser.runtime.onMessage.trigger as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
const tick = () => new Promise((r) => setTimeout(r, 10));

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  const nav = Object.assign(document.createElement('nav'), { id: 'skip-links' });
  nav.append(Object.assign(document.createElement('a'), { href: '#x', textContent: 'Overblik' }));
  const main = document.createElement('main');
  main.append(Object.assign(document.createElement('button'), { textContent: 'Gem' }));
  document.body.replaceChildren(nav, main);
  usePanelStore.setState({ surface: 'frame', modalOpen: false, layout: { ...DEFAULT_LAYOUT, collapsed: true } });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
});

describe('the panel half of the focus command', () => {
  it("takes the field script's request for its own tab: unfolds, focuses the first skip link, answers shown", async () => {
    const stop = listenForFocus(host);
    const respond = vi.fn();
    await trigger({ type: 'panel-focus' }, fromFieldScript, respond);
    expect(sent).toEqual([{ type: 'set-collapsed', collapsed: false }]);
    expect(usePanelStore.getState().layout.collapsed).toBe(false);
    expect(document.activeElement?.textContent).toBe('Overblik');
    expect(respond).toHaveBeenCalledWith({ shown: true });
    stop();
  });

  it('leaves requests from another tab, and an in-page panel made inert by a modal dialog, alone', async () => {
    const stop = listenForFocus(host);
    await trigger({ type: 'panel-focus' }, { ...fromFieldScript, tab: { id: 8 } });
    usePanelStore.setState({ modalOpen: true });
    await trigger({ type: 'panel-focus' }, fromFieldScript);
    await trigger({ type: 'panel-focus', extra: 1 }, fromFieldScript);
    expect(sent).toEqual([]);
    expect(document.activeElement).toBe(document.body);
    stop();
  });

  it('Escape that nothing took sends focus back to the host; a handled, prevented or search-clearing Escape does not', async () => {
    const stop = listenForFocus(host);
    const button = document.querySelector('button')!;
    const escape = (el: HTMLElement) =>
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    button.focus();
    escape(button);
    await tick();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledExactlyOnceWith(TAB, { type: 'focus-host' }, { frameId: 0 });

    // Prevented by what had focus (a form opened from a shortcut goes back its own way).
    button.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
    escape(button);
    // Handled by closing what had focus (a toast, an edit).
    button.addEventListener('keydown', () => button.remove(), { once: true });
    escape(button);
    // A search field with text: Escape clears it first.
    const search = document.createElement('input');
    search.type = 'search';
    search.value = 'første';
    document.body.append(search);
    search.focus();
    escape(search);
    // In the browser's side panel, Escape cannot reach the page.
    usePanelStore.setState({ surface: 'side' });
    search.value = '';
    escape(search);
    await tick();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('where a skip link lands in a view', () => {
  it('not in the citizen-data menu under the Overblik while the Overblik still loads: the view itself after the patience', () => {
    const view = document.createElement('div');
    const menu = document.createElement('section');
    menu.setAttribute(NOT_FIRST_STOP, '');
    menu.append(Object.assign(document.createElement('button'), { textContent: 'Borgerens data' }));
    view.append(Object.assign(document.createElement('p'), { textContent: 'Indlæser …' }), menu);
    document.body.replaceChildren(view);
    expect(viewFirstStop(view, 0, 600)).toBeNull();
    expect(viewFirstStop(view, 600, 600)).toBe(view);
    // Loaded: the Overblik's own first control.
    const goal = document.createElement('textarea');
    view.firstElementChild!.replaceWith(goal);
    expect(viewFirstStop(view, 0, 600)).toBe(goal);
  });
});
