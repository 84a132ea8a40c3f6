/** Unsaved typing reaches the database at most this long after a keystroke. */
export const DRAFT_SAVE_INTERVAL_MS = 100;

export interface ThrottledSave<T> {
  /**
   * Makes `value` the one to write, with `save` bound to where it belongs
   * (the draft, citizen or template of the moment). Throttled, not debounced:
   * continuous typing is still written every interval.
   */
  schedule(value: T, save: (value: T) => Promise<void>): void;
  /** Writes the pending value now (leaving the page, switching citizen, a retry). */
  flush(): Promise<void>;
  /** Drops the pending value (it was saved another way, or discarded). */
  cancel(): void;
  /** Resolves once no write is running (one started by another flush may still be). */
  idle(): Promise<void>;
  readonly pending: boolean;
}

/**
 * The autosave behind every draft (notes, template forms, the pack editor).
 * A failed write stays pending, unless newer text came meanwhile, so the next
 * change, flush or retry writes it; `failed` says why, `saved` that it is in
 * (and whether newer text is already waiting).
 */
export function createThrottledSave<T>(
  events: { saved(morePending: boolean): void; failed(error: unknown): void },
  interval = DRAFT_SAVE_INTERVAL_MS,
): ThrottledSave<T> {
  let pending: { value: T; save: (value: T) => Promise<void> } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = new Set<Promise<void>>();
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  /** One write; a failure stays pending unless newer text came meanwhile. Never rejects. */
  const write = async (p: { value: T; save: (value: T) => Promise<void> }) => {
    try {
      await p.save(p.value);
      events.saved(pending !== null);
    } catch (error) {
      pending ??= p;
      events.failed(error);
    }
  };
  const flush = (): Promise<void> => {
    stop();
    const p = pending;
    if (!p) return Promise.resolve();
    pending = null;
    const run = write(p);
    running.add(run);
    void run.finally(() => running.delete(run));
    return run;
  };
  return {
    schedule(value, save) {
      pending = { value, save };
      timer ??= setTimeout(() => void flush(), interval);
    },
    flush,
    cancel() {
      stop();
      pending = null;
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
    get pending() {
      return pending !== null;
    },
  };
}
