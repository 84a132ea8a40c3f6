import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { panelFrame } from './extension';
import { expect, test } from './fixtures';

const USAGE_SECTION = '[data-testid="usage-settings"]';

/** Every row of the usage store, read with plain IndexedDB in an extension page. */
function rawUsage(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('sidevogn');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('usage').objectStore('usage').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(request.result));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

test('a template note counts in Historik; the options page shows it, exports a CSV without citizen data, and combines two files', async ({
  caseSystem,
  openOptions,
}) => {
  const c = citizen(0);
  const TYPED = 'Kanariefuglen ringede om ryggen';
  const REASON = 'Kun en besked fra Kanarie';
  await caseSystem.gotoCase(c.caseId, 'journal');
  const { panel } = caseSystem;

  // A checklist linked to the template, with one item »ikke relevant« (with a reason).
  await panel.startChecklist();
  await panel.frame.getByRole('button', { name: 'Ikke relevant: Aftaler og næste skridt' }).click();
  await panel.frame.getByPlaceholder('Hvorfor ikke relevant?').fill(REASON);
  await panel.frame.getByPlaceholder('Hvorfor ikke relevant?').press('Enter');
  await expect(panel.frame.getByText(`Ikke relevant: ${REASON}`)).toBeVisible();

  // The template, partly typed key by key (those keys are counted, not their text).
  await panel.openTemplate('kontakt');
  await panel.field(/Kontaktform/).selectOption({ label: 'Hjemmebesøg' });
  await panel.field(/Hvad blev oplyst/).pressSequentially(TYPED, { delay: 2 });
  await panel.field(/Aftaler og næste skridt/).fill('Ingen.');
  await panel.insert();
  await panel.chooseTarget('Notat (tekst)');
  await expect(panel.templateStatus).toContainText('indsat');
  const note = await caseSystem.page.locator('#journal-tekst').inputValue();
  expect(note).toContain(TYPED);

  await panel.frame.getByRole('tab', { name: 'Historik' }).click();
  await expect(panel.frame.getByTestId('usage-today-line')).toHaveText(/^I dag: 1 notat, ca\. \d+ minut(ter)? sparet$/);
  await expect(panel.frame.getByTestId('usage-week-line')).toHaveText(/^Denne uge: 1 notat, ca\. \d+ minut/);
  await expect(panel.frame.getByTestId('usage-today')).toContainText('260 anslag i minuttet');
  expect(await wcagViolations(panelFrame(caseSystem.page))).toEqual([]);

  const options = await openOptions();
  const section = options.getByTestId('usage-settings');
  await expect(section.getByTestId('usage-own-templates')).toContainText('Kort kontaktnotat');
  await expect(section.getByTestId('usage-own-items')).toContainText('Aftaler og næste skridt');
  await expect(section.getByTestId('usage-own-checklists')).toContainText('Kort kontakt (telefon/hjemmebesøg)');
  await expect(section.getByTestId('usage-method')).toContainText('Dhakal');

  // What is stored: no name, CPR, note text or reason.
  const stored = await rawUsage(options);
  expect(stored).toContain('"keystrokes":');
  for (const secret of [c.name, c.cpr, c.cpr.slice(0, 6), TYPED, 'Kanarie', REASON])
    expect(stored, `usage holds ${secret}`).not.toContain(secret);
  expect(JSON.parse(stored)[0]?.keystrokes ?? JSON.parse(stored)[1]?.keystrokes).toBeGreaterThanOrEqual(TYPED.length);

  // The typing speed: a wrong value is refused; a right one changes the method.
  const speed = section.getByLabel('Din skrivehastighed (anslag i minuttet)');
  await speed.fill('20');
  await section.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(section.getByTestId('usage-speed-status')).toContainText('et helt tal fra 50 til 800');
  await speed.fill('200');
  await section.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(section.getByTestId('usage-method')).toContainText('200 anslag');
  await expect(panel.frame.getByTestId('usage-today')).toContainText('200 anslag i minuttet');

  // Export: the name only because it was typed here.
  await section.getByLabel('Navn i filen (valgfrit)').fill('Ane');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    section.getByRole('button', { name: 'Eksportér CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^sidevogn-brugsstatistik-\d{4}-\d\d-\d\d\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(';Ane;');
  expect(csv).toContain(';Kort kontaktnotat');
  for (const secret of [c.name, c.cpr, c.cpr.slice(0, 6), TYPED, 'Kanarie', REASON])
    expect(csv, `CSV holds ${secret}`).not.toContain(secret);

  // A team lead combines two caseworkers' files; a foreign file changes nothing.
  const dir = mkdtempSync(join(tmpdir(), 'sidevogn-usage-'));
  try {
    const a = join(dir, 'ane.csv');
    const b = join(dir, 'bo.csv');
    const foreign = join(dir, 'andet.csv');
    writeFileSync(a, csv);
    writeFileSync(b, csv.replaceAll(';Ane;', ';Bo;'));
    writeFileSync(foreign, 'navn;cpr\r\nA;0101011234\r\n');
    const files = section.getByLabel('Eksportfiler (CSV)');
    await files.setInputFiles([a, b]);
    const team = section.getByTestId('usage-team');
    await expect(team).toContainText('Samlet for 2 filer');
    await expect(team).toContainText('Navne i filerne: Ane, Bo');
    await expect(
      team.getByTestId('usage-team-templates').getByRole('row', { name: /Kort kontaktnotat/ }),
    ).toContainText(/^Kort kontaktnotat.*2/);
    await expect(team.getByTestId('usage-team-items')).toContainText('Aftaler og næste skridt');
    await files.setInputFiles([foreign]);
    await expect(section.getByTestId('usage-team-status')).toHaveText(
      'Filen »andet.csv« er ikke en brugsstatistik fra Sidevogn (første linje passer ikke). Intet er indlæst.',
    );
    await expect(team).toContainText('Samlet for 2 filer');
    expect(await wcagViolations(options, USAGE_SECTION)).toEqual([]);

    // English too.
    await options.getByLabel('Sprog').selectOption('en');
    await expect(section.getByRole('heading', { name: 'Usage statistics' })).toBeVisible();
    await expect(team).toContainText('Combined for 2 files');
    expect(await wcagViolations(options, USAGE_SECTION)).toEqual([]);
    // The panel takes the language at its start.
    await caseSystem.gotoCase(c.caseId, 'journal');
    await panel.frame.getByRole('tab', { name: 'History' }).click();
    await expect(panel.frame.getByTestId('usage-today-line')).toHaveText(/^Today: 1 note, about \d+ minutes? saved$/);
    expect(await wcagViolations(panelFrame(caseSystem.page))).toEqual([]);

    // Erasing the statistics, after a confirmation (on the options page, in front again).
    await options.bringToFront();
    await section.getByRole('button', { name: 'Delete usage statistics' }).click();
    await section.getByRole('button', { name: 'Yes, delete the usage statistics' }).click();
    await expect(section.getByTestId('usage-erase-status')).toHaveText('2 records deleted.');
    await expect(panel.frame.getByTestId('usage-today-line')).toHaveText(/^Today: 0 notes, about 0 minutes saved$/);
    expect(await rawUsage(options)).toBe('[]');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
