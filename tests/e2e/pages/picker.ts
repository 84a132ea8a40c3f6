import type { CDPSession, Page } from '@playwright/test';

/** What Chromium's DOM domain returns for a node (the part used here). */
interface CdpNode {
  backendNodeId: number;
  localName: string;
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/**
 * The "Lær siden" element picker on a case-system page, for tests. The picker
 * draws its toolbar in a closed shadow root, which neither the page nor
 * Playwright's locators can enter; the DevTools protocol can (DOM.getDocument
 * with pierce). This reads what the team lead sees and presses the picker's
 * buttons; the page's own elements are clicked with ordinary Playwright
 * locators, as a team lead clicks them.
 */
export class Picker {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async on(page: Page): Promise<Picker> {
    return new Picker(page, await page.context().newCDPSession(page));
  }

  /** The picker's closed shadow roots (in the top document and in any frame), as remote objects. */
  private async roots(): Promise<string[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const found: number[] = [];
    const walk = (node: CdpNode) => {
      for (const shadow of node.shadowRoots ?? [])
        if (shadow.shadowRootType === 'closed' && /sidevogn/i.test(node.localName)) found.push(shadow.backendNodeId);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
      if (node.contentDocument) walk(node.contentDocument);
    };
    walk(root);
    const ids: string[] = [];
    for (const backendNodeId of found) {
      const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId });
      if (object.objectId) ids.push(object.objectId);
    }
    return ids;
  }

  private async call<T>(fn: string): Promise<T[]> {
    const out: T[] = [];
    for (const objectId of await this.roots()) {
      const { result } = await this.cdp.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: fn,
        returnByValue: true,
      });
      out.push(result.value as T);
    }
    return out;
  }

  /** Whether a picker is drawn on the page. */
  async isOpen(): Promise<boolean> {
    return (await this.roots()).length > 0;
  }

  /** Everything the picker's toolbar says (its style sheet left out). */
  async text(): Promise<string> {
    const texts = await this.call<string>(
      `function () {
        return [...this.children].filter((c) => c.tagName !== 'STYLE').map((c) => c.innerText).join('\\n');
      }`,
    );
    return texts.join('\n');
  }

  /** What the picker's "Avanceret" fold holds (the selector behind the pick), open or not. */
  async advancedText(): Promise<string> {
    const texts = await this.call<string>(
      `function () { return [...this.querySelectorAll('details')].map((d) => d.textContent).join('\\n'); }`,
    );
    return texts.join('\n');
  }

  /** How many citizens' records the picker outlines (dashed, on a page showing several). */
  async recordOutlines(): Promise<number> {
    const counts = await this.call<number>(`function () { return this.querySelectorAll('.rec').length; }`);
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The labels of the picker's buttons. */
  async buttons(): Promise<string[]> {
    const lists = await this.call<string[]>(
      `function () { return [...this.querySelectorAll('button')].map((b) => b.textContent.trim()); }`,
    );
    return lists.flat();
  }

  /** Presses the picker button whose label matches (a mouse click on it, as the team lead does). */
  async press(label: RegExp): Promise<void> {
    const clicked = await this.call<boolean>(
      `function () {
        const b = [...this.querySelectorAll('button')].find((x) => ${label.toString()}.test(x.textContent.trim()));
        if (!b || b.disabled) return false;
        b.click();
        return true;
      }`,
    );
    if (!clicked.includes(true))
      throw new Error(`The picker has no enabled button ${label}; it shows: ${(await this.buttons()).join(', ')}`);
  }

  /**
   * Clicks the picker button whose label matches with the mouse, where it is drawn:
   * the click lands on whatever the browser hit-tests there (an inert button gets none).
   * Resolves to whether the button got the click.
   */
  async click(label: RegExp): Promise<boolean> {
    const rects = await this.call<{ x: number; y: number } | null>(
      `function () {
        const b = [...this.querySelectorAll('button')].find((x) => ${label.toString()}.test(x.textContent.trim()));
        if (!b || b.disabled) return null;
        b.dataset.probe = '1';
        b.addEventListener('click', () => (b.dataset.clicked = '1'), { once: true });
        const r = b.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }`,
    );
    const at = rects.find((r) => r);
    if (!at)
      throw new Error(`The picker has no enabled button ${label}; it shows: ${(await this.buttons()).join(', ')}`);
    await this.page.mouse.click(at.x, at.y);
    // The picker redraws its buttons on a click: the button still there and unclicked did not get it.
    const left = await this.call<boolean>(
      `function () {
        const b = this.querySelector('button[data-probe]');
        return !!b && !b.dataset.clicked;
      }`,
    );
    return !left.includes(true);
  }

  /** The step the picker asks for now, e.g. "cpr-nummer" from "Trin 1 af 8: klik på cpr-nummer". */
  async step(): Promise<string> {
    const m = /klik på ([^\n(]+)/i.exec(await this.text());
    return m ? m[1]!.trim().toLowerCase() : '';
  }
}
