import type { Page } from '@playwright/test';
import { Panel } from './panel';

/** The demo case system (tests/case-system), as a caseworker uses it. */
export class CaseSystem {
  readonly panel: Panel;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.panel = new Panel(page);
  }

  async openList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/`);
    await this.page.locator('a[href^="/borger/"]').first().waitFor();
  }

  /** Opens a citizen from the list by clicking their name (an SPA navigation). */
  async openCitizen(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).first().click();
    await this.page.locator('.citizen-header .citizen-name', { hasText: name }).waitFor();
  }

  async gotoCase(caseId: string, tab = ''): Promise<void> {
    // In front, as the caseworker has the page they open: a tab behind (an options page opened
    // first) is not painted, and a click in it can go astray.
    await this.page.bringToFront();
    await this.page.goto(`${this.baseUrl}/borger/${caseId}${tab ? `/${tab}` : ''}`);
    await this.page.locator('.citizen-header').first().waitFor();
  }

  /** Navigates inside the SPA (pushState), as a click on an in-app link would. */
  async clientNavigate(path: string): Promise<void> {
    await this.page.evaluate((p) => {
      const a = document.createElement('a');
      a.href = p;
      document.body.append(a);
      a.click();
      a.remove();
    }, path);
  }

  async citizenShown(): Promise<{ name: string; cpr: string }> {
    const header = this.page.locator('.citizen-header').first();
    await header.waitFor();
    return {
      name: (await header.locator('.citizen-name').innerText()).trim(),
      cpr: (await header.locator('.citizen-cpr').innerText()).trim(),
    };
  }
}
