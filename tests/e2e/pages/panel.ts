import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The Sidevogn panel iframe on a host page (or, with `root`, the browser's side panel). */
export class Panel {
  readonly frame: FrameLocator | Page;
  readonly element: Locator;

  constructor(
    readonly page: Page,
    root?: Page,
  ) {
    this.element = page.locator('iframe[title^="Sidevogn"]');
    this.frame = root ?? page.frameLocator('iframe[title^="Sidevogn"]');
  }

  get citizenName(): Locator {
    return this.frame.getByRole('heading', { level: 1 });
  }
  /** The header's settings button (layout and language live behind it). */
  get settingsButton(): Locator {
    return this.frame.getByRole('button', { name: /^Panelets indstillinger|^Panel settings/ });
  }
  /** Opens the header's settings menu if it is closed. */
  async openSettings(): Promise<void> {
    if ((await this.settingsButton.getAttribute('aria-expanded')) !== 'true') await this.settingsButton.click();
  }
  /** The layout list (in the settings menu; readable while the menu is closed). */
  get layout(): Locator {
    return this.frame.getByLabel('Visning', { exact: true });
  }
  /** Chooses a layout through the settings menu. */
  async chooseLayout(option: string | { label: string }): Promise<void> {
    await this.openSettings();
    await this.layout.selectOption(option);
  }
  get cprButton(): Locator {
    return this.frame.getByTestId('citizen-cpr');
  }
  get newNote(): Locator {
    return this.frame.getByLabel('Ny note');
  }
  get notes(): Locator {
    return this.frame.getByTestId('note');
  }
  get draftStatus(): Locator {
    return this.frame.getByTestId('draft-status');
  }

  /** Unfolds the overview's "Borgerens data" menu (hand over, erase). */
  async openCitizenDataMenu(): Promise<void> {
    const menu = this.frame.getByTestId('citizen-data').locator('details');
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  }

  /** Opens the notes tab (the overview is the first tab). */
  async showNotes(): Promise<void> {
    await this.frame.getByRole('tab', { name: 'Noter' }).click();
  }

  async writeNote(text: string): Promise<void> {
    await this.showNotes();
    await this.newNote.fill(text);
    await this.frame.getByRole('button', { name: 'Gem note' }).click();
    await this.notes.filter({ hasText: text }).first().waitFor();
  }

  /** Types like a person (key events), not a fill(). */
  async typeDraft(text: string): Promise<void> {
    await this.showNotes();
    await this.newNote.click();
    await this.newNote.pressSequentially(text, { delay: 5 });
  }

  note(text: string): Locator {
    return this.notes.filter({ hasText: text });
  }

  /**
   * Opens the templates tab and a template found by typing part of its name, and
   * (unless `unfold` is false) unfolds its optional fields, as a caseworker would
   * before filling them in.
   */
  /** The Tjeklister tab: starts the checklist of that title (the demo's short contact by default). */
  async startChecklist(title = 'Kort kontakt (telefon/hjemmebesøg)'): Promise<void> {
    await this.frame.getByRole('tab', { name: 'Tjeklister' }).click();
    await this.frame.getByLabel('Tjekliste', { exact: true }).selectOption({ label: title });
    await this.frame.getByRole('button', { name: 'Start tjekliste' }).click();
  }

  async openTemplate(query: string, { unfold = true }: { unfold?: boolean } = {}): Promise<void> {
    await this.frame.getByRole('tab', { name: 'Skabeloner' }).click();
    const search = this.frame.getByLabel('Søg skabelon');
    // A form left open in this tab (or its "indsat" state) is there again on coming back: to the list.
    const back = this.frame.getByRole('button', { name: /^(← )?Alle skabeloner$/ });
    await expect(search.or(back)).toBeVisible();
    if (await back.isVisible()) await back.click();
    await search.fill(query);
    await search.press('Enter');
    await this.frame.getByRole('button', { name: 'Indsæt i journal' }).waitFor();
    if (unfold) await this.unfoldOptional();
  }

  /** The folded group of a template form's optional fields. */
  get optionalFields(): Locator {
    return this.frame.getByTestId('template-optional');
  }
  async unfoldOptional(): Promise<void> {
    const group = this.optionalFields;
    if ((await group.count()) > 0 && !(await group.evaluate((d) => (d as HTMLDetailsElement).open)))
      await group.locator('summary').click();
  }

  field(label: string | RegExp): Locator {
    return this.frame.getByLabel(label);
  }
  get preview(): Locator {
    return this.frame.getByTestId('template-preview');
  }
  get templateStatus(): Locator {
    return this.frame.getByTestId('template-status');
  }
  /** Presses insert from the keyboard (the button stays focusable while fields are missing). */
  async insert(): Promise<void> {
    const button = this.frame.getByRole('button', { name: 'Indsæt i journal' });
    await button.focus();
    await button.press('Enter');
  }

  /** The question the panel asks when the page has several fields and the caret is in none. */
  get targetChooser(): Locator {
    return this.frame.getByTestId('insert-chooser');
  }
  /** Answers that question with the field named `label`. */
  async chooseTarget(label: string): Promise<void> {
    await this.targetChooser.getByRole('button', { name: label, exact: true }).click();
  }
}
