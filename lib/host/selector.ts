/**
 * Proposing a robust CSS selector for an element the team lead clicked, for an
 * adapter that must keep working when the case system re-renders or shows
 * another citizen. Preference order:
 *
 *   1. a stable id                         #personnummer
 *   2. a stable test/data/ARIA attribute   [data-qa="person-fullname"]
 *   3. the nearest ancestor with (1)/(2), then a short class/tag path below it
 *                                          #notat-editor .ql-editor
 *   4. a unique stable class               .citizen-cpr
 *   5. a positional path (last resort)     main > div:nth-of-type(2) > span
 *
 * "Stable" means not generated: ids and classes with long digit runs, hashes
 * or framework prefixes change between builds or citizens, and state classes
 * (active, selected …) change while the page is used.
 */

const STABLE_ATTRIBUTES = [
  'data-qa',
  'data-testid',
  'data-test',
  'data-test-id',
  'data-cy',
  'data-field',
  'data-name',
  'name',
  'itemprop',
  'aria-label',
] as const;

const GENERATED =
  /\d{3,}|(?=[a-f]*\d)[0-9a-f]{6,}|^(ember|react|mui|css|sc|jsx|ng|vue|svelte|radix|headlessui)[-_]|^:r|^_|__[a-z0-9]{5,}$/i;
const STATE_CLASS =
  /^(is|has)[-_]|(^|[-_])(active|selected|focus|focused|hover|open|opened|closed|disabled|hidden|visible|show|shown|current|loading|blank|empty|dirty|pristine|touched|valid|invalid|expanded|collapsed|checked)$/i;

const esc = (value: string) =>
  typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, '\\$&');
const attrValue = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

export const isStableToken = (token: string) => token.length > 0 && token.length <= 60 && !GENERATED.test(token);

export function stableClasses(el: Element): string[] {
  return [...el.classList].filter((c) => isStableToken(c) && !STATE_CLASS.test(c));
}

/** Selects exactly `el` within `root`? */
function pinpoints(root: ParentNode, selector: string, el: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}

/** Selectors that name the element by itself (no ancestors), best first. */
export function ownSelectors(el: Element): string[] {
  const out: string[] = [];
  if (el.id && isStableToken(el.id)) out.push(`#${esc(el.id)}`);
  for (const attr of STABLE_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    if (value && value.length <= 80 && !/\d{4,}/.test(value)) out.push(`[${attr}=${attrValue(value)}]`);
  }
  return out;
}

/** Tag plus stable classes: a short step in a path. */
export function step(el: Element): string {
  const classes = stableClasses(el).slice(0, 2);
  return el.tagName.toLowerCase() === 'div' && classes.length
    ? classes.map((c) => `.${esc(c)}`).join('')
    : `${el.tagName.toLowerCase()}${classes.map((c) => `.${esc(c)}`).join('')}`;
}

export function nthOfType(el: Element): string {
  const parent = el.parentElement;
  if (!parent) return step(el);
  const same = [...parent.children].filter((c) => c.tagName === el.tagName);
  return same.length > 1 ? `${step(el)}:nth-of-type(${same.indexOf(el) + 1})` : step(el);
}

export function proposeSelector(el: Element): string {
  // Within its own document or shadow root: a selector cannot see past either.
  const doc = el.getRootNode() as Document | ShadowRoot;
  for (const s of ownSelectors(el)) if (pinpoints(doc, s, el)) return s;

  // Anchored on the nearest ancestor that names itself.
  for (let anchor = el.parentElement, depth = 1; anchor && depth <= 6; anchor = anchor.parentElement, depth++) {
    const anchorSelector = ownSelectors(anchor).find((s) => pinpoints(doc, s, anchor!));
    if (!anchorSelector) continue;
    for (const candidate of [`${anchorSelector} ${step(el)}`, `${anchorSelector} ${nthOfType(el)}`]) {
      if (pinpoints(doc, candidate, el)) return candidate;
    }
    break;
  }

  const classOnly = stableClasses(el).map((c) => `.${esc(c)}`);
  for (const s of classOnly) if (pinpoints(doc, s, el)) return s;
  if (classOnly.length > 1 && pinpoints(doc, classOnly.join(''), el)) return classOnly.join('');

  // Positional path up to the nearest named ancestor or <body>.
  const parts: string[] = [];
  for (let node: Element | null = el; node && node !== el.ownerDocument.body; node = node.parentElement) {
    const named = node !== el ? ownSelectors(node).find((s) => pinpoints(doc, s, node!)) : undefined;
    if (named) {
      parts.unshift(named);
      break;
    }
    parts.unshift(nthOfType(node));
    const candidate = parts.join(' > ');
    if (pinpoints(doc, candidate, el)) return candidate;
  }
  return parts.join(' > ');
}

/** The element to propose for a journal: the editable root around the click (e.g. Quill's .ql-editor). */
export function editableRoot(el: Element): Element | null {
  const field = el.closest('textarea, input');
  if (field) return field;
  let node: Element | null = el.closest('[contenteditable]');
  while (node?.parentElement?.closest('[contenteditable="true"], [contenteditable=""]')) {
    node = node.parentElement.closest('[contenteditable="true"], [contenteditable=""]');
  }
  return node && (node as HTMLElement).isContentEditable !== false ? node : null;
}

/** The frame or shadow host an element's document or shadow root hangs from, if any. */
function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  // nodeType, not instanceof: a frame's nodes belong to another realm.
  if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return (root as ShadowRoot).host;
  try {
    return (root as Document).defaultView?.frameElement ?? null;
  } catch {
    return null;
  }
}

/**
 * A selector for an element anywhere under the top document: inside a
 * same-origin frame or an open shadow root it steps in with `>>>`
 * (`#journal_ifr >>> #tinymce`), the form lib/host/insert.ts resolves.
 */
export function proposeSelectorPath(el: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = el; node; node = hostOf(node)) parts.unshift(proposeSelector(node));
  return parts.join(' >>> ');
}

const LABELS =
  'label, legend, h1, h2, h3, h4, h5, h6, [class*="label"], [class*="navn"], [class*="name"], [class*="title"]';
const clean = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\s+/g, ' ')
    .split(/\.\s/)[0]!
    .replace(/[\s:*]+$/, '')
    .trim()
    .slice(0, 100);
/** Rendered and visible (not display:none, visibility:hidden or content-visibility hidden). */
export const shown = (el: Element) =>
  el.getClientRects().length > 0 && (el.checkVisibility?.({ visibilityProperty: true }) ?? true);

/**
 * The name the host itself shows for a field, as written there ("Intern
 * bemærkning"): its <label>, what labels it by id, else the nearest label or
 * heading before it (through frames and shadow roots, outside the editor's own
 * toolbars), else its aria-label or placeholder. Help text after the first full
 * stop ("… Press Alt+0 for help") is dropped.
 */
export function hostLabel(el: Element): string {
  const field = el as HTMLInputElement;
  const own = clean(field.labels?.[0]?.textContent);
  if (own) return own;
  const by = el.getAttribute('aria-labelledby');
  const labelledBy = by && clean(el.ownerDocument.getElementById(by.split(' ')[0]!)?.textContent);
  if (labelledBy) return labelledBy;
  let depth = 0;
  for (let node: Element | null = el; node && depth < 8; depth++) {
    const up: Element | null = node.parentElement ?? hostOf(node);
    if (!up) break;
    const before = [...up.querySelectorAll(LABELS)].filter(
      (c) =>
        c.compareDocumentPosition(node!) & Node.DOCUMENT_POSITION_FOLLOWING &&
        !c.closest('[role="toolbar"], button, [role="button"]') &&
        shown(c) &&
        clean(c.textContent),
    );
    const nearest = before.at(-1);
    if (nearest) return clean(nearest.textContent);
    node = up;
  }
  return clean(el.getAttribute('aria-label') ?? field.placeholder);
}
