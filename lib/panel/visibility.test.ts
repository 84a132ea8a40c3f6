import { afterEach, describe, expect, it, vi } from 'vitest';
import { hiddenAt, SETTLE_MS, VISIBLE_FOR_MS, watchVisibility } from './visibility';

describe('hiddenAt', () => {
  it('allows an action only after the frame was seen, unobscured, for VISIBLE_FOR_MS', () => {
    expect(hiddenAt(null, 10_000)).toBe('hidden');
    expect(hiddenAt({ visible: false, since: 0 }, 10_000)).toBe('hidden');
    expect(hiddenAt({ visible: true, since: 10_000 - VISIBLE_FOR_MS }, 10_000)).toBeNull();
    // Shown by the host just before the click (a decoy that steps aside on the press).
    expect(hiddenAt({ visible: true, since: 10_000 - VISIBLE_FOR_MS + 1 }, 10_000)).toBe('just-shown');
    // Shown again after the click: the click itself fell in the hidden time.
    expect(hiddenAt({ visible: true, since: 10_050 }, 10_000)).toBe('just-shown');
  });
});

/** A window with a hand-driven IntersectionObserver v2 and clock. */
function fakeWindow({ v2 = true } = {}) {
  let report: ((entries: unknown[]) => void) | undefined;
  let options: Record<string, unknown> | undefined;
  const listeners = new Map<string, (e: Event) => void>();
  let now = 0;
  class Entry {}
  if (v2) Object.defineProperty(Entry.prototype, 'isVisible', { value: false });
  const win = {
    IntersectionObserverEntry: Entry,
    IntersectionObserver: class {
      constructor(callback: (entries: unknown[]) => void, init: Record<string, unknown>) {
        report = callback;
        options = init;
      }
      observe() {}
      disconnect() {}
    },
    document: { documentElement: {} },
    performance: { now: () => now },
    setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
    addEventListener: (type: string, f: (e: Event) => void) => listeners.set(type, f),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  return {
    win: win as unknown as Window & typeof globalThis,
    options: () => options,
    /** The observer reports the frame (in)visible at `time`. */
    seen: (visible: boolean, time: number) => report?.([{ isVisible: visible, time }]),
    press: (timeStamp: number) => listeners.get('pointerdown')?.({ isTrusted: true, timeStamp } as Event),
    forged: (timeStamp: number) => listeners.get('keydown')?.({ isTrusted: false, timeStamp } as Event),
    at: (ms: number) => (now = ms),
  };
}

describe('watchVisibility', () => {
  afterEach(() => vi.useRealTimers());

  it('asks Chromium to track visibility, not only intersection', () => {
    const w = fakeWindow();
    watchVisibility(w.win);
    expect(w.options()).toMatchObject({ trackVisibility: true, delay: 100 });
  });

  it('refuses a click while the host has made the frame transparent or covered it', () => {
    const w = fakeWindow();
    const guard = watchVisibility(w.win);
    w.seen(true, 100);
    w.seen(false, 2_000);
    w.press(3_000);
    w.at(3_010);
    expect(guard.now()).toBe('hidden');
    w.seen(true, 3_100);
    expect(guard.now()).toBe('just-shown');
    w.press(3_700);
    w.at(3_710);
    expect(guard.now()).toBeNull();
  });

  it('judges the moment of the trusted press, not a forged key or the time of the check', () => {
    const w = fakeWindow();
    const guard = watchVisibility(w.win);
    w.seen(false, 100);
    w.seen(true, 1_000);
    w.press(1_200);
    w.forged(5_000);
    w.at(5_000);
    // Seen 200 ms before the press: too short, although it has been visible 4 s by now.
    expect(guard.now()).toBe('just-shown');
  });

  it('a confirming click waits for the report on its moment: hidden just before the click is caught', async () => {
    vi.useFakeTimers();
    const w = fakeWindow();
    const guard = watchVisibility(w.win);
    w.seen(true, 0);
    w.press(5_000);
    w.at(5_000);
    // The host hid the frame at 4 990 ms; the observer reports it 80 ms later.
    const verdict = guard.settled();
    setTimeout(() => w.seen(false, 5_070), 70);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(await verdict).toBe('hidden');
    // The instant check would have let it through.
    const again = fakeWindow();
    const instant = watchVisibility(again.win);
    again.seen(true, 0);
    again.press(5_000);
    again.at(5_000);
    expect(instant.now()).toBeNull();
  });

  it('a frame visible from its first report was never hidden; one hidden from the start must be seen first', () => {
    const shown = fakeWindow();
    const fromStart = watchVisibility(shown.win);
    shown.seen(true, 250);
    shown.press(400);
    expect(fromStart.now()).toBeNull();
    const hidden = fakeWindow();
    const hiddenFirst = watchVisibility(hidden.win);
    hidden.seen(false, 250);
    hidden.seen(true, 300);
    hidden.press(400);
    expect(hiddenFirst.now()).toBe('just-shown');
  });

  it('fails closed where the browser cannot tell visibility', () => {
    const w = fakeWindow({ v2: false });
    const guard = watchVisibility(w.win);
    w.press(5_000);
    expect(guard.now()).toBe('unsupported');
  });
});
