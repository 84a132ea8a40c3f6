// Counting what the caseworker really presses, in every frame (the host page
// and the panel's frame alike), from the pages' own events: keydown, pointer
// presses, wheel and scroll. A change in the UI (a Tab stop more, a field that
// needs scrolling to) shows in the figures without changing the bench.
import { keyKind } from './interaction-figures.mjs';

/**
 * Runs in each frame before its scripts (see inputProbeScript). Listens on the
 * window in the capture phase, ahead of any page or extension listener, so a
 * key the shortcut listener swallows is still counted.
 * - keys: per keyDown, its kind (keyKind); `inText` when the target is a text
 *   field (input of a text type, textarea, contenteditable). A search field is
 *   not one: what is typed there finds a template, it writes nothing of the
 *   note, so its characters are navigation keys (as keyboard.spec counts them).
 * - clicks: pointerdown (a click on a label also clicks its input: one press).
 * - wheel: wheel events. scroll: the sum of |Δ scrollTop| over every element
 *   and the document, from the positions when armed (elements made later start at 0).
 * - inputs: in the host, each input event on a textarea with its length and time.
 */
function inputProbe(kindOf) {
  const now = () => performance.timeOrigin + performance.now();
  const TEXT_TYPES = ['text', 'number', 'email', 'tel', 'url', 'password', ''];
  const inText = (el) =>
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && TEXT_TYPES.includes(el.type)) ||
    !!el?.isContentEditable;
  const s = { nav: 0, typed: 0, clicks: 0, wheel: 0, scroll: 0, log: [], inputs: [], armedAt: 0 };
  let tops = new WeakMap();
  const box = (t) => (t === document ? document.scrollingElement : t);
  globalThis.__svInput = s;
  globalThis.__svInputArm = () => {
    Object.assign(s, { nav: 0, typed: 0, clicks: 0, wheel: 0, scroll: 0, log: [], inputs: [], armedAt: now() });
    tops = new WeakMap();
    for (const el of [document.scrollingElement, ...document.querySelectorAll('*')])
      if (el && el.scrollTop) tops.set(el, el.scrollTop);
    return s.armedAt;
  };
  addEventListener(
    'keydown',
    (e) => {
      const target = e.composedPath()[0];
      const kind = kindOf({
        key: e.key,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
        repeat: e.repeat,
        inText: inText(target),
      });
      if (kind === 'modifier') return;
      s[kind]++;
      if (s.log.length < 400) s.log.push(`${kind}:${e.key}@${target?.id || target?.name || target?.tagName}`);
    },
    true,
  );
  addEventListener('pointerdown', () => s.clicks++, true);
  addEventListener('wheel', () => s.wheel++, { capture: true, passive: true });
  addEventListener(
    'scroll',
    (e) => {
      const el = box(e.target);
      if (!el) return;
      s.scroll += Math.abs(el.scrollTop - (tops.get(el) ?? 0));
      tops.set(el, el.scrollTop);
    },
    true,
  );
  addEventListener(
    'input',
    (e) => {
      if (e.target instanceof HTMLTextAreaElement) s.inputs.push({ at: now(), length: e.target.value.length });
    },
    true,
  );
}

/** The probe as an init script ({ content }), with keyKind's own source inside. */
export const inputProbeScript = () => ({
  content: `(${inputProbe})(${keyKind});`,
});

/** Arms the probe in a frame (counts from zero); returns the frame's epoch ms. */
export const arm = (frame) => frame.evaluate(() => globalThis.__svInputArm());

/** What the probe in a frame has counted since it was armed. */
export const readProbe = (frame) => frame.evaluate(() => ({ ...globalThis.__svInput }));
