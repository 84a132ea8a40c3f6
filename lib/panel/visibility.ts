/**
 * Whether the caseworker can really see the panel frame (issue 27, item 1).
 *
 * The frame sits in the host's DOM: a compromised case-system page can make it
 * transparent, move it, or lay a decoy over it that lets clicks through, so a
 * click meant for the decoy lands on "Indsæt". IntersectionObserver v2
 * (`trackVisibility`) reports, from inside the frame, whether it is shown
 * unobscured (no opacity, filter or non-translating transform on it or the
 * frame, nothing of the host over it). Actions that move data into the host
 * work only when the frame has been visible for VISIBLE_FOR_MS before the
 * caseworker's click or key press (or has not been hidden since it loaded),
 * and still is. Checked in headless Chromium
 * 156: opacity 0, a scale transform, a filter on the host's body, a clip-path,
 * a blend mode and a cover with `pointer-events: none` each report not visible.
 */

/** The frame must have been seen this long before the click (a person's reaction time, with margin). */
export const VISIBLE_FOR_MS = 500;
/** What the observer is asked for at most (Chromium's minimum is 100 ms). */
export const OBSERVE_EVERY_MS = 100;
/** After this long past a moment, the observer has reported on it (its delay plus a frame or two). */
export const SETTLE_MS = OBSERVE_EVERY_MS + 150;

export type Hidden = 'hidden' | 'just-shown' | 'unsupported';

/** The last report: shown or not, since when (performance.now() time). */
export interface Seen {
  visible: boolean;
  since: number;
}

/**
 * Why an action at `at` must not happen, or null when it may: the frame was
 * reported visible, continuously, from VISIBLE_FOR_MS before `at` until the
 * last report.
 */
export function hiddenAt(seen: Seen | null, at: number): Hidden | null {
  if (seen === null || !seen.visible) return 'hidden';
  return seen.since <= at - VISIBLE_FOR_MS ? null : 'just-shown';
}

export interface VisibilityGuard {
  /** At once, from the last report: for a plain insert (it must not wait). */
  now(): Hidden | null;
  /**
   * Waits until the observer has reported on the moment of the click, then
   * checks: for the handover's confirming click, where a hiding just before
   * the click would otherwise go unseen for up to OBSERVE_EVERY_MS.
   */
  settled(): Promise<Hidden | null>;
  stop(): void;
}

type V2Init = IntersectionObserverInit & { trackVisibility: boolean; delay: number };
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

/** Never hidden: the browser's side panel is outside the host page. */
export const ALWAYS_VISIBLE: VisibilityGuard = {
  now: () => null,
  settled: () => Promise.resolve(null),
  stop: () => undefined,
};

/**
 * Watches `target` (the frame document's root) from now on. The moment of an
 * action is the caseworker's last trusted pointer-down or key-down in this
 * frame (the click that asked for it), else now.
 */
export function watchVisibility(win: Window & typeof globalThis, target?: Element): VisibilityGuard {
  const supported =
    typeof win.IntersectionObserverEntry === 'function' && 'isVisible' in win.IntersectionObserverEntry.prototype;
  let seen: Seen | null = null;
  let lastInput: number | undefined;
  const onInput = (e: Event) => {
    if (e.isTrusted) lastInput = e.timeStamp;
  };
  const options = { capture: true, passive: true } as const;
  win.addEventListener('pointerdown', onInput, options);
  win.addEventListener('keydown', onInput, options);
  const observer = supported
    ? new win.IntersectionObserver(
        (entries) => {
          for (const e of entries as V2Entry[]) {
            const visible = e.isVisible === true;
            // The first report: a frame seen from its first observation was never hidden, so
            // it counts from its document's start (nothing in it could be clicked before). A
            // host that hides it from the start makes the first report "hidden".
            if (seen === null) seen = { visible, since: visible ? -Infinity : e.time };
            else if (seen.visible !== visible) seen = { visible, since: e.time };
          }
        },
        { threshold: 0, trackVisibility: true, delay: OBSERVE_EVERY_MS } as V2Init,
      )
    : undefined;
  observer?.observe(target ?? win.document.documentElement);

  const at = () => lastInput ?? win.performance.now();
  const check = (moment: number): Hidden | null => (supported ? hiddenAt(seen, moment) : 'unsupported');
  return {
    now: () => check(at()),
    async settled() {
      const moment = at();
      const wait = moment + SETTLE_MS - win.performance.now();
      if (wait > 0) await new Promise((resolve) => win.setTimeout(resolve, wait));
      return check(moment);
    },
    stop() {
      observer?.disconnect();
      win.removeEventListener('pointerdown', onInput, options);
      win.removeEventListener('keydown', onInput, options);
    },
  };
}

/** An action that would move data into the host was refused: the caseworker could not see the panel. */
export class PanelHiddenError extends Error {
  constructor(readonly reason: Hidden) {
    super(`The panel was not visible (${reason}): nothing was inserted`);
    this.name = 'PanelHiddenError';
  }
}
