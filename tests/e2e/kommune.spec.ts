import type { Locator, Page, Worker } from '@playwright/test';
import { BORGERE } from '../case-system/kommune/data.mjs';
import { startKommune } from '../case-system/kommune/server.mjs';
import { expect, test as base } from './fixtures';
import { grantSiteOnExtensionsPage, openOptions, serviceWorker, storedLocal } from './extension';
import { Panel } from './pages/panel';
import { Picker } from './pages/picker';

/**
 * Issue 25 on a case system built unlike the demo: "Kommune Sag"
 * (tests/case-system/kommune/): hash routing, citizen data fetched late, facts
 * in a <dl>, CPR written "DDMMYY NNNN", TinyMCE in its default iframe mode as
 * the journal beside a CKEditor 5 "Intern bemærkning", a household page with
 * two citizens. It is served on an origin the manifest does not cover,
 * http://sag.kommune.test:<port>, a non-loopback name mapped to 127.0.0.1 with
 * --host-resolver-rules (loopback would be a secure context), and taught the
 * way a team lead does it: Sagssystemer → "Lær siden" and the picker.
 *
 * One test per failure of the issue, named "failure N"; each reproduced on the
 * code before the fix (how each failed is in its comment).
 *
 * Failures 1–4 run with the origin treated as secure
 * (--unsafely-treat-insecure-origin-as-secure), so that on the unfixed code
 * each shows its own defect and not failure 5's (on plain http the bridge
 * never connects). Failure 5 and the plain-http checks run without it.
 */

const HOST = 'sag.kommune.test';
const ORIGIN_PATTERN = `http://${HOST}/*`;
const RESOLVE = `--host-resolver-rules=MAP ${HOST} 127.0.0.1`;

const jonas = BORGERE['k-jba']!;
const birgitte = BORGERE['k-bhl']!;
const ole = BORGERE['k-ofr']!;
/** How the panel shows a CPR: `120385-••••`. */
const masked = (cpr: string) => `${cpr.slice(0, 6)}-••••`;

/**
 * Kommune Sag on a free port, one server per worker; `secure`: Chromium treats
 * its origin as a secure context (the flag takes the exact origin, port included).
 */
const test = base.extend<{ secure: boolean }, { kommunePort: number }>({
  kommunePort: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startKommune();
      port = server.port;
      await use(server.port);
      await server.close();
    },
    { scope: 'worker' },
  ],
  secure: [false, { option: true }],
  browserArgs: async ({ kommunePort, secure }, use) => {
    await use([
      RESOLVE,
      ...(secure ? [`--unsafely-treat-insecure-origin-as-secure=http://${HOST}:${kommunePort}`] : []),
    ]);
  },
});
let port = 0;
const origin = () => `http://${HOST}:${port}`;

/** The editors' own models, read through their own APIs. */
interface KommuneWindow {
  tinymce: {
    get(id: string): { getContent(args?: { format: 'text' }): string; hasFocus(): boolean; save(): void } | null;
  };
  __kommune: { ck(): { getData(): string } | null; renders: number; saved: { journal: string }[] };
}
/**
 * The editors' models as text. TinyMCE's HTML names Danish letters as entities
 * ("m&oslash;dte"), so its model is read in its text format and HTML (CKEditor's
 * data, the saved form) is read as the text it shows.
 */
const tinyContent = (page: Page) =>
  page.evaluate(
    () => (window as unknown as KommuneWindow).tinymce.get('journal')?.getContent({ format: 'text' }) ?? '',
  );
const ckData = (page: Page) =>
  page.evaluate(() => {
    const html = (window as unknown as KommuneWindow).__kommune.ck()?.getData() ?? '';
    return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  });
/** What the host's own save path ("Gem journal": TinyMCE's save(), then the form) filed last. */
const savedJournal = (page: Page) =>
  page.evaluate(() => {
    const html = (window as unknown as KommuneWindow).__kommune.saved.at(-1)?.journal ?? '';
    return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  });
/** The <textarea> TinyMCE hides and overwrites on save. */
const hiddenTextarea = (page: Page) => page.locator('#journal').inputValue();

/** Opens a route and waits until the late data and both editors are there. */
async function open(page: Page, route: string): Promise<void> {
  await page.goto(`${origin()}/${route}`);
  await waitRendered(page);
}
async function waitRendered(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const k = (window as unknown as Partial<KommuneWindow>).__kommune;
    return !!k && k.renders > 0 && !document.querySelector('.henter');
  });
  if (/#\/borger\//.test(page.url())) await page.locator('#journal_ifr').waitFor();
}

const tinyBody = (page: Page) => page.frameLocator('#journal_ifr').locator('body');
const ckEditable = (page: Page) => page.locator('.ck-editor__editable');
/** The citizen record's <dd> for a fact label on the citizen page. */
const fact = (page: Page, label: string, record = 0) =>
  page
    .locator('section.borgerkort')
    .nth(record)
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

type JournalStep = (picker: Picker, page: Page) => Promise<void>;
/** No journal field taught (the tests of citizen detection). */
const skipJournal: JournalStep = (picker) => picker.press(/^(Færdig|Spring over)$/);
/** The picker's button for teaching one more insert target (failure 4; none before the fix). */
const ANOTHER_TARGET = /tilføj|endnu et|et felt mere|flere felter/i;

/**
 * The team lead teaches Kommune Sag: grants the site (headless Chromium cannot
 * click the permission prompt; see grantSiteOnExtensionsPage), "Lær siden" on
 * a citizen page, then the picker: CPR, name, målgruppe and ydelse from the
 * <dl>, other facts skipped, and `journal` for the journal step(s). Returns
 * the options page with the adapter editor open.
 */
async function teach(
  page: Page,
  journal: JournalStep,
  {
    route = '#/borger/k-jba',
    record = 0,
    afterCpr,
  }: { route?: string; record?: number; afterCpr?: (picker: Picker) => Promise<void> } = {},
): Promise<Page> {
  const context = page.context();
  await open(page, route);
  await grantSiteOnExtensionsPage(context, ORIGIN_PATTERN);
  const options = await openOptions(context);
  await options.getByLabel('Adresse på en borgerside i sagssystemet').fill(page.url());
  await options.getByRole('button', { name: 'Lær siden' }).click();
  await expect(options.getByTestId('adapter-message')).toContainText('Følg vejledningen');

  const picker = await Picker.on(page);
  await expect.poll(() => picker.isOpen()).toBe(true);
  const targets: [RegExp, string][] = [
    [/cpr/, 'CPR-nummer'],
    [/^navn/, 'Navn'],
    [/målgruppe/, 'Målgruppe'],
    [/ydelse/, 'Ydelse'],
  ];
  for (let guard = 0; guard < 20 && (await picker.isOpen()); guard++) {
    const step = await picker.step();
    if (/journal/.test(step)) {
      await journal(picker, page);
      break;
    }
    const label = targets.find(([re]) => re.test(step))?.[1];
    if (label) {
      await fact(page, label, record).click();
      await expect.poll(() => picker.text()).toContain('Læser');
      if (label === 'CPR-nummer') await afterCpr?.(picker);
      await picker.press(/^(Næste|Færdig)$/);
    } else {
      await picker.press(/^Spring over$/);
    }
  }
  await expect(options.getByRole('heading', { name: /Nyt sagssystem/ })).toBeVisible();
  return options;
}

/** Saves the adapter in the editor; the case-system tab reloads with the bridge. */
async function save(options: Page, page: Page): Promise<void> {
  await options.getByLabel('Navn på sagssystemet').fill('Kommune Sag');
  await options.getByRole('button', { name: 'Gem sagssystem' }).click();
  await expect(options.getByTestId('adapter-message')).toContainText('Kommune Sag er gemt');
  await page.bringToFront();
  await waitRendered(page);
}

/** The journal targets of the stored adapter, by name. */
async function storedTargets(worker: Worker): Promise<string[]> {
  const adapters = (await storedLocal(worker)).adapters as { matches: string[]; journal: { label: string }[] }[];
  return adapters.find((a) => a.matches.includes(ORIGIN_PATTERN))?.journal.map((j) => j.label) ?? [];
}

/** The caseworker writes a kontaktnotat in the panel and presses "Indsæt i journal". */
async function insertNote(panel: Panel, note: string): Promise<void> {
  await panel.openTemplate('kontakt');
  await panel.field(/Hvad blev oplyst/).fill(note);
  await panel.field(/Aftaler og næste skridt/).fill('Opfølgning om to uger.');
  await panel.insert();
}

/**
 * What the panel says after "Indsæt i journal" (up to 3 s for it to say anything). The
 * fixed panel may instead ask which target: the assertions then rest on the editors' models.
 */
async function insertStatus(panel: Panel): Promise<string> {
  await expect(panel.templateStatus)
    .not.toBeEmpty({ timeout: 3000 })
    .catch(() => undefined);
  return (await panel.templateStatus.textContent()) ?? '';
}

/** Puts the caret in an editor by clicking into it and typing, as the caseworker does. */
async function caretIn(page: Page, editor: Locator, typed: string): Promise<void> {
  await editor.click();
  await page.keyboard.type(typed);
}

test.describe('Kommune Sag, origin treated as secure', () => {
  test.use({ secure: true });

  /*
   * Failure 1: the note went into the wrong field, and the panel said it was filed.
   * Unfixed code (a): the journal taught as the picker allows (CKEditor, "Journalfelt"), the
   * caret in TinyMCE: the whole note went into the CKEditor remark and the panel said
   * "Notatet er indsat i «Journalfelt»"; TinyMCE held only what the caseworker typed.
   * (b): the hand-typed `#journal` (TinyMCE's hidden <textarea>) read "fundet" in the
   * adapter editor and in the health check ("Journalfelt: fundet"); the note went into that textarea, the panel said "indsat i «Journal»",
   * and TinyMCE's own save ("Gem journal") overwrote it: the host filed no note.
   */
  test('failure 1: with the caret in TinyMCE the note never lands in another field, and a hidden textarea is never a target', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // (a) The journal taught as today's picker allows: it reaches CKEditor, not TinyMCE.
    let options = await teach(page, async (picker, p) => {
      await ckEditable(p).click();
      await expect.poll(() => picker.text()).toContain('fundet');
      await picker.press(/^Færdig$/);
    });
    await save(options, page);
    const panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(jonas.navn);
    await caretIn(page, tinyBody(page), 'Samtale afholdt. ');
    const noteA = 'Borgeren mødte op til samtalen (A).';
    await insertNote(panel, noteA);
    const statusA = await insertStatus(panel);
    expect.soft(await ckData(page), 'the note went into the CKEditor remark').not.toContain(noteA);
    if (/indsat/.test(statusA))
      expect
        .soft(await tinyContent(page), `the panel said "${statusA}" but TinyMCE does not hold the note`)
        .toContain(noteA);

    // (b) The team lead types TinyMCE's own selector by hand: the <textarea> TinyMCE hides.
    await page.reload();
    await waitRendered(page);
    await options.close();
    options = await teach(page, skipJournal);
    const journalRow = options.getByTestId('adapter-row-journal');
    await options.getByText('Avanceret', { exact: true }).click();
    await options.getByTestId('adapter-selector-journal').getByRole('textbox').fill('#journal');
    await expect(journalRow.getByTestId('reads')).not.toHaveText('…');
    await expect
      .soft(journalRow.getByTestId('reads'), 'a hidden <textarea> is reported found')
      .not.toContainText(/^fundet/);
    await save(options, page);
    // The saved system's health check on the open page says the same.
    const item = options.getByTestId(`adapter-${HOST}`);
    await item.getByRole('button', { name: 'Tjek den åbne side' }).click();
    await expect(item.getByTestId('health-check')).toBeVisible();
    await expect
      .soft(item.getByTestId('health-check'), 'the health check reports the hidden <textarea> found')
      .not.toContainText(/journal\w*:\s*fundet/i);
    await expect(panel.citizenName).toHaveText(jonas.navn);
    await caretIn(page, tinyBody(page), 'Samtale afholdt. ');
    const noteB = 'Borgeren mødte op til samtalen (B).';
    await insertNote(panel, noteB);
    const statusB = await insertStatus(panel);
    expect.soft(await hiddenTextarea(page), 'the note went into the hidden <textarea>').not.toContain(noteB);
    if (/indsat/.test(statusB))
      expect
        .soft(await tinyContent(page), `the panel said "${statusB}" but TinyMCE does not hold the note`)
        .toContain(noteB);
    // TinyMCE's own save path overwrites the textarea: what the host files.
    await page.getByRole('button', { name: 'Gem journal' }).click();
    const saved = await savedJournal(page);
    if (/indsat/.test(statusB))
      expect.soft(saved, `the panel said "${statusB}" but the host's save does not carry the note`).toContain(noteB);
  });

  /*
   * Failure 2: another person's name on a CPR.
   * Unfixed code: both choices were labelled "Jonas Bech Andersen" (030792-•••• too);
   * choosing 030792-•••• gave a header "Jonas Bech Andersen", 030792-••••, and Jonas's
   * målgruppe "Jobparat dagpengemodtager".
   */
  test('failure 2: on the household page each CPR carries its own name, and choosing the second citizen shows the second citizen', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const options = await teach(page, skipJournal);
    await save(options, page);
    const panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(jonas.navn);

    // The household: a hash route whose two records arrive late.
    await page.evaluate(() => (location.hash = '#/husstand/h-jba-bhl'));
    await expect(page.locator('section.borgerkort')).toHaveCount(2);
    await expect(panel.frame.getByRole('heading', { name: 'Siden viser flere borgere' })).toBeVisible();
    const choices = panel.frame.getByRole('button').filter({ hasText: '-••••' });
    await expect(choices).toHaveCount(2);
    for (const [own, other] of [
      [jonas, birgitte],
      [birgitte, jonas],
    ] as const) {
      // Its own name, or the masked CPR alone: never the other person's name.
      const choice = choices.filter({ hasText: masked(own.cpr) });
      await expect(choice).toHaveCount(1);
      await expect.soft(choice, `${masked(own.cpr)} is labelled with ${other.navn}`).not.toContainText(other.navn);
    }

    await choices.filter({ hasText: masked(birgitte.cpr) }).click();
    await expect(panel.cprButton).toHaveText(masked(birgitte.cpr));
    const header = panel.frame.locator('section').filter({ has: panel.citizenName });
    await expect.soft(panel.citizenName, `the header of ${masked(birgitte.cpr)}`).not.toHaveText(jonas.navn);
    await expect.soft(header, `the header of ${masked(birgitte.cpr)}`).not.toContainText(jonas.malgruppe);
    // Birgitte's own name, or no name at all where it cannot be paired.
    await expect(panel.citizenName).toHaveText(new RegExp(`^(${birgitte.navn}|Navn ikke fundet)$`));
  });

  /*
   * Failure 3: iframe editors cannot be taught at all.
   * Unfixed code: hovering TinyMCE drew no outline (the pixels around it did not change,
   * while they do over CKEditor); the click went to TinyMCE (it took focus), and the
   * picker still showed its hint for step 8 of 8 ("klik på journalfelt"), no selector.
   */
  test('failure 3: the picker teaches TinyMCE inside its iframe (outline on hover, the click lands on the editor), and the note then goes into TinyMCE', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const options = await teach(page, async (picker, p) => {
      // The outline, seen as a change in the pixels around an editor while the mouse is over it.
      const around = async (target: Locator) => {
        const b = (await target.boundingBox())!;
        return { x: b.x - 6, y: b.y - 6, width: b.width + 12, height: b.height + 12 };
      };
      const outlined = async (hover: Locator, region: Locator) => {
        const clip = await around(region);
        await p.mouse.move(5, 5); // over the host's menu: nothing to outline
        const before = await p.screenshot({ clip, caret: 'hide' });
        await hover.hover();
        // The outline follows the mouse: poll the pixels until they change (or 2 s pass).
        return expect
          .poll(async () => !before.equals(await p.screenshot({ clip, caret: 'hide' })), { timeout: 2_000 })
          .toBe(true)
          .then(
            () => true,
            () => false,
          );
      };
      // Control: the outline over CKEditor (top document) is seen by this method.
      expect(await outlined(ckEditable(p), ckEditable(p)), 'no outline over CKEditor (the control)').toBe(true);
      expect
        .soft(await outlined(tinyBody(p), p.locator('.tox-tinymce')), 'no outline over the TinyMCE editor')
        .toBe(true);

      await tinyBody(p).click();
      expect
        .soft(
          await p.evaluate(() => (window as unknown as KommuneWindow).tinymce.get('journal')?.hasFocus()),
          'the picker did not take the click: it reached TinyMCE',
        )
        .toBe(false);
      await expect
        .poll(() => picker.text(), { message: 'a click inside TinyMCE did not reach the picker', timeout: 3000 })
        .toMatch(/fundet/);
      expect(await picker.text()).not.toContain('ikke et skrivefelt');
      await picker.press(/^Færdig$/);
    });
    await save(options, page);
    const panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(jonas.navn);
    await caretIn(page, tinyBody(page), 'Samtale afholdt. ');
    const note = 'Borgeren ønsker hjælp til CV (TinyMCE).';
    await insertNote(panel, note);
    await expect(panel.templateStatus).toContainText('indsat');
    await expect.poll(() => tinyContent(page)).toContain(note);
    expect(await ckData(page)).not.toContain(note);
    // The host's own save path carries it.
    await page.getByRole('button', { name: 'Gem journal' }).click();
    expect(await savedJournal(page)).toContain(note);
  });

  /*
   * Failure 4: only one journal field can be taught.
   * Unfixed code: after the CKEditor was taken in the journal step (the last step), the
   * picker's buttons were only "Tilbage", "Færdig", "Afbryd": no way to teach a second
   * target (and the adapter editor has a single journal row).
   */
  test('failure 4: two journal targets are taught, "Intern bemærkning" and "Journalnotat", named as the host names them, and each caret fills its own editor', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const options = await teach(page, async (picker, p) => {
      await ckEditable(p).click();
      await expect.poll(() => picker.text()).toContain('fundet');
      // Then a second target. (The lead wires ANOTHER_TARGET to the picker's button for it.)
      expect(await picker.buttons(), 'the picker offers no way to teach another field').toContainEqual(
        expect.stringMatching(ANOTHER_TARGET),
      );
      await picker.press(ANOTHER_TARGET);
      await tinyBody(p).click();
      await expect.poll(() => picker.text()).toMatch(/fundet/);
      await picker.press(/^Færdig$/);
    });
    await save(options, page);
    expect(await storedTargets(serviceWorker(context))).toEqual(
      expect.arrayContaining(['Intern bemærkning', 'Journalnotat']),
    );

    const panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(jonas.navn);
    await caretIn(page, ckEditable(page), 'Bemærkning: ');
    const remark = 'Intern: borgeren har svært ved at læse.';
    await insertNote(panel, remark);
    await expect(panel.templateStatus).toContainText('»Intern bemærkning«');
    expect(await ckData(page)).toContain(remark);
    expect(await tinyContent(page)).not.toContain(remark);

    // The form stays open after inserting: back to the list for the next note.
    await panel.frame.getByRole('button', { name: /Alle skabeloner/ }).click();
    await caretIn(page, tinyBody(page), 'Samtale afholdt. ');
    const note = 'Borgeren mødte op til samtalen (journal).';
    await insertNote(panel, note);
    await expect(panel.templateStatus).toContainText('»Journalnotat«');
    await expect.poll(() => tinyContent(page)).toContain(note);
    expect(await ckData(page)).not.toContain(note);
  });

  /*
   * Issue 25 E: taught on the household page, the picker infers where each citizen stands.
   * Unfixed code: the picker proposed selectors that pinpoint the first record only
   * (`section.borgerkort:nth-of-type(1) > …`), taught from the second record it read
   * Birgitte alone: the household page showed one citizen, never a choice.
   */
  test('several citizens: taught on the household page, the picker proposes where each citizen stands, and the choice list and header agree with the page for both', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    // Taught from the second record, the one a selector for "the first" would miss.
    const options = await teach(page, skipJournal, {
      route: '#/husstand/h-jba-bhl',
      record: 1,
      // The picker says it, and outlines each citizen's record.
      afterCpr: async (picker) => {
        expect(await picker.text()).toContain('Siden viser 2 borgere');
        expect(await picker.recordOutlines()).toBe(2);
      },
    });
    // Shown to the team lead in words: how many citizens the record is found for.
    await expect(options.getByTestId('adapter-row-scope')).toContainText('Hver borger står i');
    await expect(options.getByTestId('adapter-row-scope').getByTestId('reads')).toHaveText('2 borgere fundet');
    await expect(options.getByTestId('adapter-row-name').getByTestId('reads')).toContainText(jonas.navn);
    // Editable under "Avanceret".
    await options.getByText('Avanceret', { exact: true }).click();
    await expect(options.getByTestId('adapter-selector-scope').getByRole('textbox')).toHaveValue('section.borgerkort');
    await save(options, page);
    const worker = serviceWorker(page.context());
    const stored = (await storedLocal(worker)).adapters as { matches: string[]; citizen: { scope?: string } }[];
    expect(stored.find((a) => a.matches.includes(ORIGIN_PATTERN))?.citizen.scope).toBe('section.borgerkort');

    const panel = new Panel(page);
    await expect(panel.frame.getByRole('heading', { name: 'Siden viser flere borgere' })).toBeVisible();
    const choices = panel.frame.getByRole('button').filter({ hasText: '-••••' });
    await expect(choices).toHaveCount(2);
    for (const who of [jonas, birgitte]) {
      await expect(choices.filter({ hasText: masked(who.cpr) })).toContainText(who.navn);
    }
    for (const who of [birgitte, jonas]) {
      await choices.filter({ hasText: masked(who.cpr) }).click();
      await expect(panel.cprButton).toHaveText(masked(who.cpr));
      await expect(panel.citizenName).toHaveText(who.navn);
      await expect(panel.frame.getByTestId('fact-malgruppe').getByTestId('host-value')).toHaveText(who.malgruppe);
      if (who === birgitte) {
        // Back to the choice (the household is re-detected on the next route).
        await page.evaluate(() => (location.hash = '#/'));
        await page.evaluate(() => (location.hash = '#/husstand/h-jba-bhl'));
        await expect(choices).toHaveCount(2);
      }
    }
    // The same adapter on a citizen page, one record.
    await page.evaluate(() => (location.hash = '#/borger/k-ofr'));
    await expect(panel.citizenName).toHaveText(ole.navn);

    // Issue 25 F: the health check shows the last error between the panel and this origin.
    const item = options.getByTestId(`adapter-${HOST}`);
    await item.getByRole('button', { name: 'Tjek den åbne side' }).click();
    await expect(item.getByTestId('health-last-error')).toHaveText('Ingen fejl registreret for denne adresse.');
    // No journal field was taught: the note has nowhere to go (the panel copies it instead).
    await insertNote(panel, 'Borgeren ringede.');
    await expect(panel.templateStatus).not.toBeEmpty();
    await item.getByRole('button', { name: 'Tjek den åbne side' }).click();
    await expect(item.getByTestId('health-last-error')).toHaveText(
      /^Sidste fejl: der var intet felt at indsætte notatet i \(.+\)$/,
    );
  });

  // Not one of the five failures: a guard for the host's late data and hash routing.
  // It passes on the unfixed code where the origin is secure (on plain http it meets failure 5).
  test('late data and hash routing: the panel header follows the citizen the page shows', async ({ page }) => {
    test.setTimeout(90_000);
    const options = await teach(page, skipJournal);
    await save(options, page);
    const panel = new Panel(page);
    await expect(panel.citizenName).toHaveText(jonas.navn);
    await expect(panel.cprButton).toHaveText(masked(jonas.cpr));

    // Another citizen: the page shows "Henter …" first, then the late data.
    await page.evaluate(() => (location.hash = '#/borger/k-ofr'));
    await expect(page.locator('section.borgerkort dd').first()).toHaveText(ole.navn);
    await expect(panel.citizenName).toHaveText(ole.navn);
    await expect(panel.cprButton).toHaveText(masked(ole.cpr));
    await expect(panel.frame.getByTestId('fact-malgruppe').getByTestId('host-value')).toHaveText(ole.malgruppe);

    // Back: the hash route returns to the first citizen.
    await page.goBack();
    await expect(page.locator('section.borgerkort dd').first()).toHaveText(jonas.navn);
    await expect(panel.citizenName).toHaveText(jonas.navn);
    await expect(panel.cprButton).toHaveText(masked(jonas.cpr));

    // A page without a citizen: the list.
    await page.evaluate(() => (location.hash = '#/'));
    await expect(page.getByRole('heading', { name: 'Mine sager' })).toBeVisible();
    await expect(panel.frame.getByRole('heading', { name: 'Ingen borger på siden' })).toBeVisible();
  });
});

test.describe('Kommune Sag over plain http (not a secure context)', () => {
  /*
   * Failure 5: plain-http case systems never connect.
   * Unfixed code: "Kommune Sag er gemt. Sidevogn kører nu på http://sag.kommune.test:<port>",
   * nothing about unencrypted traffic; the panel frame stayed on "Forbinder til
   * sagssystemet …" with no explanation; the page logged "TypeError:
   * crypto.randomUUID is not a function" (the bridge, in the content script).
   */
  test('failure 5: on plain http the panel connects (or explains within 3 s), and the options page says the traffic is unencrypted', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const options = await teach(page, skipJournal);
    expect(
      await page.evaluate(() => window.isSecureContext),
      'the test needs a page that is not a secure context',
    ).toBe(false);
    // What throws in the page's worlds (the bridge runs in the content script's).
    const cdp = await page.context().newCDPSession(page);
    const errors: string[] = [];
    cdp.on('Runtime.exceptionThrown', (e) =>
      errors.push((e.exceptionDetails.exception?.description ?? e.exceptionDetails.text).split('\n')[0]!),
    );
    await cdp.send('Runtime.enable');

    await save(options, page);
    await expect
      .soft(options.locator('main, body').first(), 'the options page does not say the traffic is unencrypted')
      .toContainText(/ukrypteret|ikke krypteret/i);

    const panel = new Panel(page);
    await expect(panel.element).toBeVisible();
    const shown = Date.now();
    // After 3 s the panel is connected, or it says what is wrong and what to do (reload, settings).
    await expect
      .soft(async () => {
        expect(Date.now() - shown).toBeGreaterThan(3500);
        const text = (await panel.frame.locator('body').innerText()).trim();
        expect(
          text.includes(jonas.navn) || /genindlæs|indlæs siden|indstillinger/i.test(text),
          `the panel shows: "${text}"`,
        ).toBe(true);
      }, 'after 3 s the panel is neither connected nor says what is wrong')
      .toPass({ timeout: 6000 });
    await expect(panel.citizenName, `the panel never connected; errors in the page: ${errors.join(' | ')}`).toHaveText(
      jonas.navn,
      { timeout: 1000 },
    );
  });
});
