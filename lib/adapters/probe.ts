/** What one adapter reader finds on a page: how many elements, and the value it reads. */
export interface ProbeResult {
  /** -1: the selector is not valid CSS. */
  count: number;
  value: string | null;
  /** The first match is a text field or contenteditable (what a journal target must be). */
  editable: boolean;
}

export interface ProbeReader {
  selector: string;
  attribute?: string;
  pattern?: string;
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
    let elements: Element[];
    try {
      elements = [...doc.querySelectorAll(reader.selector)];
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
    const first = elements[0] as HTMLElement | undefined;
    const editable =
      !!first &&
      (first.tagName === 'TEXTAREA' ||
        first.tagName === 'INPUT' ||
        first.isContentEditable ||
        first.getAttribute('contenteditable') === 'true');
    out[key] = { count: elements.length, value, editable };
  }
  return out;
}
