/** What one adapter reader finds on a page: how many elements, and the value it reads. */
export interface ProbeResult {
  /** -1: the selector is not valid CSS. */
  count: number;
  value: string | null;
  /** The first match can take text now: an enabled, rendered text field or contenteditable (a target). */
  editable: boolean;
}

export interface ProbeReader {
  selector: string;
  attribute?: string;
  pattern?: string;
  /** Read inside every element this selector matches (the adapter's citizen scope), not the whole page. */
  scope?: string;
}

/**
 * Runs in the case-system tab through `scripting.executeScript({ func })`, so it
 * must be self-contained: no imports, no closures. Returns only the first
 * value per reader, cut to 120 characters, to the options page (an extension
 * page); it mirrors readValue() in lib/host/read-citizen.ts.
 */
export function probeReaders(
  readers: Record<string, ProbeReader>,
  doc: Document = document,
): Record<string, ProbeResult> {
  const out: Record<string, ProbeResult> = {};
  for (const [key, reader] of Object.entries(readers)) {
    // A target selector may step into a same-origin frame or a shadow root with
    // `>>>` (lib/host/insert.ts resolveTarget, written out again: no imports here).
    const steps = reader.selector.split('>>>');
    let scope: Document | ShadowRoot | null = doc;
    let elements: Element[] = [];
    try {
      if (reader.scope) {
        // In each citizen record, the record itself included (readValue() in read-citizen.ts).
        for (const record of doc.querySelectorAll(reader.scope)) {
          if (record.matches(reader.selector)) elements.push(record);
          elements.push(...record.querySelectorAll(reader.selector));
        }
      } else
        for (const [i, part] of steps.entries()) {
          elements = scope ? [...scope.querySelectorAll(part.trim())] : [];
          if (i === steps.length - 1) break;
          const first = elements[0];
          scope = !first
            ? null
            : first.tagName === 'IFRAME' || first.tagName === 'FRAME'
              ? (first as HTMLIFrameElement).contentDocument
              : first.shadowRoot;
          if (!scope) elements = [];
        }
    } catch {
      out[key] = { count: -1, value: null, editable: false };
      continue;
    }
    let value: string | null = null;
    for (const el of elements) {
      const raw = reader.attribute ? el.getAttribute(reader.attribute) : el.textContent;
      let text = (raw ?? '').replace(/\s+/g, ' ').trim();
      if (reader.pattern) {
        const m = new RegExp(reader.pattern).exec(text);
        text = m ? (m[1] ?? m[0]).trim() : '';
      }
      if (text) {
        value = text.slice(0, 120);
        break;
      }
    }
    // Editable means able to take text now: a text field or contenteditable that is
    // enabled and rendered, in frames that are rendered (a hidden <textarea> behind
    // an editor is not). Mirrors isUsable() in lib/host/insert.ts.
    const first = elements[0] as HTMLInputElement | undefined;
    const field =
      !!first &&
      (first.tagName === 'TEXTAREA' ||
        (first.tagName === 'INPUT' && /^(text|search|url|email|tel|)$/.test(first.type)) ||
        first.isContentEditable);
    let shown = field && !first.disabled && !first.readOnly;
    for (
      let node: Element | null | undefined = first;
      shown && node;
      node = node.ownerDocument.defaultView?.frameElement
    )
      shown = node.getClientRects().length > 0 && (node.checkVisibility?.({ visibilityProperty: true }) ?? true);
    const editable = !!shown;
    out[key] = { count: elements.length, value, editable };
  }
  return out;
}
