import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottledSave, DRAFT_SAVE_INTERVAL_MS } from './throttled-save';

/** The drafts' autosave: notes, template forms and the pack editor all save through it. */
describe('createThrottledSave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setUp = () => {
    const written: string[] = [];
    const events = { saved: vi.fn(), failed: vi.fn() };
    const saver = createThrottledSave<string>(events);
    const save = async (v: string) => {
      written.push(v);
    };
    return { written, events, saver, save };
  };

  it('is throttled, not debounced: steady typing is written every interval, the latest text each time', async () => {
    const { written, saver, save } = setUp();
    for (let i = 1; i <= 10; i++) {
      saver.schedule('x'.repeat(i), save);
      await vi.advanceTimersByTimeAsync(DRAFT_SAVE_INTERVAL_MS / 4);
    }
    expect(written).toEqual(['xxxx', 'xxxxxxxx']);
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_INTERVAL_MS);
    expect(written.at(-1)).toBe('x'.repeat(10));
    expect(saver.pending).toBe(false);
  });

  it('flush writes at once, and writes where the text belonged when it was typed', async () => {
    const { saver } = setUp();
    const into: Record<string, string> = {};
    saver.schedule('til Anna', async (v) => void (into.anna = v));
    await saver.flush();
    expect(into).toEqual({ anna: 'til Anna' });
    saver.schedule('til Bent', async (v) => void (into.bent = v));
    await saver.flush();
    expect(into).toEqual({ anna: 'til Anna', bent: 'til Bent' });
  });

  it('a failed write stays pending for the retry, unless newer text came meanwhile', async () => {
    const { events, saver } = setUp();
    const written: string[] = [];
    let full = true;
    const save = async (v: string) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      written.push(v);
    };
    saver.schedule('første', save);
    await saver.flush();
    expect(events.failed).toHaveBeenCalledTimes(1);
    expect(saver.pending).toBe(true);
    full = false;
    await saver.flush();
    expect(written).toEqual(['første']);
    expect(events.saved).toHaveBeenCalledWith(false);

    // Newer text typed while a write fails wins over the failed one.
    full = true;
    let release!: () => void;
    saver.schedule('gammel', (v) => new Promise<void>((_, reject) => (release = () => reject(new Error(v)))));
    const flushing = saver.flush();
    saver.schedule('ny', save);
    release();
    await flushing;
    full = false;
    await saver.flush();
    expect(written).toEqual(['første', 'ny']);
  });

  it('says when newer text is already waiting after a save, and cancel drops what is pending', async () => {
    const { events, saver, written } = setUp();
    let release!: () => void;
    saver.schedule('a', () => new Promise<void>((resolve) => (release = resolve)));
    const flushing = saver.flush();
    saver.schedule('b', async (v) => void written.push(v));
    release();
    await flushing;
    expect(events.saved).toHaveBeenLastCalledWith(true);
    saver.cancel();
    expect(saver.pending).toBe(false);
    await vi.advanceTimersByTimeAsync(DRAFT_SAVE_INTERVAL_MS * 2);
    expect(written).toEqual([]);
  });

  it('idle waits for a write another flush started, and a write that throws at once fails like one that rejects', async () => {
    const { events, saver } = setUp();
    let release!: () => void;
    saver.schedule('a', () => new Promise<void>((resolve) => (release = resolve)));
    void saver.flush();
    // A second flush finds nothing pending and returns before the first write is done; idle does not.
    await saver.flush();
    let idle = false;
    const waiting = saver.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    release();
    await waiting;
    expect(events.saved).toHaveBeenCalledTimes(1);

    saver.schedule('b', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await saver.flush();
    expect(events.failed).toHaveBeenCalledTimes(1);
    expect(saver.pending).toBe(true);
  });
});
