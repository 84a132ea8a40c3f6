// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBridge } from './bridge';
import { ORPHAN_CHECK_MS } from './lifecycle';

/**
 * An orphaned bridge (the extension reloaded or updated under an open page):
 * Chromium leaves it only DOM events and timers, and runtime.id reads
 * undefined. The frame must go and the notice appear, on the next page event
 * or within ORPHAN_CHECK_MS, and never while the extension is still there.
 * (The real thing runs in tests/e2e/reload.spec.ts.)
 */

const NOTICE = 'Sidevogn er blevet opdateret – genindlæs siden for at fortsætte. ';
const frame = () => document.querySelector('iframe');
const notice = () => document.querySelector('[role="alert"]');
const orphan = () => Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true });

describe('an orphaned content script', () => {
  beforeEach(async () => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    // (happy-dom loads no frame pages and says so on stderr: the frame element is what counts here.)
    // fake-browser has no onConnect; the port path is not under test here.
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    // happy-dom has no idle callbacks; the bridge creates an open panel's frame at the host's first idle moment.
    vi.stubGlobal('requestIdleCallback', (run: IdleRequestCallback) => {
      run({ didTimeout: false, timeRemaining: () => 50 });
      return 0;
    });
    // happy-dom's page is http://localhost:3000/, a demo case-system origin.
    await startBridge();
    expect(frame()).not.toBeNull();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    Reflect.deleteProperty(fakeBrowser.runtime, 'id');
  });

  it('keeps its frame while the extension is there', () => {
    document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    vi.advanceTimersByTime(ORPHAN_CHECK_MS * 3);
    expect(frame()).not.toBeNull();
    expect(notice()).toBeNull();
  });

  it('replaces its frame with the notice on the next keystroke in the page', () => {
    const field = document.createElement('textarea');
    field.value = 'Halvskrevet';
    document.body.append(field);
    orphan();
    field.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    expect(frame()).toBeNull();
    expect(notice()?.textContent).toBe(`${NOTICE}Luk`);
    expect(notice()?.getAttribute('lang')).toBe('da');
    expect(field.value).toBe('Halvskrevet');
  });

  it('shows the notice within the check interval without any interaction, once, and closes it', () => {
    orphan();
    vi.advanceTimersByTime(ORPHAN_CHECK_MS - 1);
    expect(frame()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(frame()).toBeNull();
    vi.advanceTimersByTime(ORPHAN_CHECK_MS * 3);
    window.dispatchEvent(new FocusEvent('focus'));
    expect(document.querySelectorAll('[role="alert"]')).toHaveLength(1);
    (notice()?.querySelector('button') as HTMLButtonElement).click();
    expect(notice()).toBeNull();
  });
});
