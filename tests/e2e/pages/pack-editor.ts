import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The options page's "Pakkeredigering" section. */
export class PackEditorPage {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Pakkeredigering' });
  }

  static async open(context: BrowserContext): Promise<PackEditorPage> {
    const [worker] = context.serviceWorkers();
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(worker!.url()).host}/options.html`);
    const editor = new PackEditorPage(page);
    await editor.section.waitFor();
    return editor;
  }

  template(n: number): Locator {
    return this.section.getByTestId('editor-template').nth(n);
  }
  checklist(n: number): Locator {
    return this.section.getByTestId('editor-checklist').nth(n);
  }
  field(template: Locator, n: number): Locator {
    return template.getByTestId('field-editor').nth(n);
  }
  get exportStatus(): Locator {
    return this.section.getByTestId('editor-export-status');
  }
  get saveState(): Locator {
    return this.section.getByTestId('editor-save-state');
  }
  button(name: string | RegExp): Locator {
    return this.section.getByRole('button', { name, exact: typeof name === 'string' });
  }
}
