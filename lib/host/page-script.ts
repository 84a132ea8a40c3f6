import { PAGE_GLOBAL, type PageApi } from './page-api';

// The page script's entry, bundled by wxt.config.ts into host-page.js and
// injected after the bridge wherever it runs (lib/host/origins.ts). It does
// nothing until the bridge calls it.

/** `:modal` matches a dialog opened with showModal() (and a fullscreen element). */
const isModalOpen = () => !!document.querySelector('dialog:modal');

/**
 * Push mode: the bridge's margin on <html> narrows the page's flow, but fixed,
 * sticky and 100vw elements keep the viewport's width and lie under the panel.
 * Probing the panel's strip with elementsFromPoint finds them (what lies under
 * the panel, nothing else); each is narrowed (max-width) when it reaches in
 * from the left, or shifted left (translate) when it sits wholly under the
 * panel. Measured once per layout change, resize, or burst of DOM changes, in
 * idle time: never in the host's own event handlers or frames.
 */
const PROBE_STEP_PX = 24;
const RECHECK_MS = 500;
type Saved = [el: HTMLElement, property: string, value: string, priority: string];
const moved: Saved[] = [];
let width = 0;
let onBlocked = () => {};
let scheduled = false;

const restore = () => {
  for (const [el, property, value, priority] of moved.splice(0)) el.style.setProperty(property, value, priority);
};
const set = (el: HTMLElement, property: string, value: string) => {
  moved.push([el, property, el.style.getPropertyValue(property), el.style.getPropertyPriority(property)]);
  el.style.setProperty(property, value, 'important');
};
const isPanelFrame = (el: Element) =>
  el === tab ||
  (el instanceof HTMLIFrameElement && el.src.startsWith('chrome-extension:') && el.title.startsWith('Sidevogn'));

/**
 * The folded panel's tab while there is no frame (PageApi.tab): the look of
 * the panel's own (components/panel/CollapsedTab.tsx), in inline styles that
 * start from `all: initial`, so the host's style sheets do not reach it. It
 * holds no citizen data; a click the page makes (not trusted) does nothing.
 */
let tab: HTMLButtonElement | undefined;
const TAB_STYLE =
  'all:initial;position:fixed;top:0;right:0;height:100vh;z-index:2147483646;box-sizing:border-box;' +
  'border-left:1px solid #94a3b8;background:#075985;color:#fff;font:600 14px system-ui,sans-serif;' +
  'letter-spacing:.025em;writing-mode:vertical-rl;text-align:center;cursor:pointer;outline-offset:-4px';

function makeTab(en: boolean, open: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  const label = en ? 'Show the Sidevogn panel' : 'Vis Sidevogn-panelet';
  button.type = 'button';
  button.textContent = 'Sidevogn';
  button.title = label;
  button.lang = en ? 'en' : 'da';
  button.setAttribute('aria-label', label);
  button.setAttribute('aria-expanded', 'false');
  button.style.cssText = TAB_STYLE;
  button.onclick = (e) => e.isTrusted && open();
  // `all: initial` took the focus ring away: a keyboard user sees where focus is.
  button.onfocus = () => (button.style.outline = '3px solid #fcd34d');
  button.onblur = () => (button.style.outline = '');
  return button;
}

function clearOfPanel(): void {
  scheduled = false;
  if (!width) return;
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const limit = viewport - width;
  const under = new Set<HTMLElement>();
  for (let y = 1; y < innerHeight; y += PROBE_STEP_PX)
    for (const x of [limit + 1, viewport - 1])
      for (const hit of document.elementsFromPoint(x, y)) {
        if (!(hit instanceof HTMLElement) || hit === root || hit === document.body || isPanelFrame(hit)) continue;
        // The outermost element that reaches under the panel: that one is moved, its content follows.
        let el = hit;
        while (el.parentElement && el.parentElement !== document.body && el.parentElement !== root) {
          if (el.parentElement.getBoundingClientRect().right <= limit + 1) break;
          el = el.parentElement;
        }
        under.add(el);
      }
  const reads = [...under].map((el) => [el, el.getBoundingClientRect(), getComputedStyle(el)] as const);
  for (const [el, rect, style] of reads) {
    if (moved.some(([m]) => m === el)) continue;
    if (rect.left < limit) {
      const box =
        style.boxSizing === 'border-box'
          ? 0
          : ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce(
              (sum, k) => sum + parseFloat(style[k as 'paddingLeft']),
              0,
            );
      set(el, 'max-width', `${Math.max(0, limit - rect.left - box)}px`);
    } else set(el, 'translate', `${-width}px 0`);
  }
  // What still reaches under the panel cannot be pushed (min-width, tables…): the bridge lays the panel over.
  if (reads.some(([el]) => el.getBoundingClientRect().right > limit + 1)) {
    restore();
    width = 0;
    onBlocked();
  }
}
const schedule = () => {
  if (scheduled || !width) return;
  scheduled = true;
  setTimeout(() => requestIdleCallback(clearOfPanel, { timeout: RECHECK_MS }), RECHECK_MS);
};
addEventListener('resize', () => {
  if (!width) return;
  restore();
  schedule();
});
// Observed only while pushing: on other pages and layouts the host's DOM changes cost nothing here.
const observer = new MutationObserver(schedule);

const api: PageApi = {
  watchModal(signal, onChange) {
    let open = isModalOpen();
    onChange(open);
    const check = () => {
      if (isModalOpen() === open) return;
      open = !open;
      onChange(open);
    };
    // A dialog fires toggle when shown or closed (close and cancel too); none of
    // them bubbles, so listen in the capture phase. One selector match per event.
    for (const type of ['toggle', 'close', 'cancel']) addEventListener(type, check, { capture: true, signal });
  },
  push(next, blocked) {
    onBlocked = blocked;
    if (next === width) return;
    restore();
    width = next;
    observer.disconnect();
    if (!width) return;
    observer.observe(document, { childList: true, subtree: true });
    requestAnimationFrame(clearOfPanel);
  },
  tab(show, en, open) {
    if (show) return (tab ??= makeTab(en, open));
    tab?.remove();
    tab = undefined;
  },
};
(globalThis as unknown as Record<string, PageApi>)[PAGE_GLOBAL] = api;
