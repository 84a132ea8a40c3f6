import { browser } from 'wxt/browser';

const START_EVENT = 'sidevogn:host-start';

/**
 * The life of this content-script instance. When the extension is reloaded or
 * updated, the new instance announces itself; an orphaned one (its runtime is
 * gone) then aborts, which tears down its frame and observers.
 */
export function hostLifecycle(win: Window): AbortSignal {
  const controller = new AbortController();
  win.dispatchEvent(new Event(START_EVENT));
  win.addEventListener(
    START_EVENT,
    () => {
      if (!browser.runtime?.id) controller.abort();
    },
    { signal: controller.signal },
  );
  return controller.signal;
}
