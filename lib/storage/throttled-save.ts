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
  const flush = async () => {
    stop();
    const p = pending;
    if (!p) return;
    pending = null;
    let write: Promise<void>;
    try {
      write = p.save(p.value);
    } catch (error) {
      write = Promise.reject(error);
    }
    const done = write.then(
      () => undefined,
      () => undefined,
    );
    running.add(done);
    try {
      await write;
      events.saved(pending !== null);
    } catch (error) {
      pending ??= p;
      events.failed(error);
    } finally {
      running.delete(done);
    }
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
