import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, removeProfile } from '../harness/chromium.mjs';
import { DEFAULT_PACK_VERSION } from '../../lib/packs/default-pack-version';
import { bumpVersion } from '../../lib/packs/editor/version';
import { verifyPack } from '../../lib/packs/signing';
import { validatePack } from '../../lib/packs/validate';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { expect, setUpPassphrase, test } from './fixtures';
import { PackEditorPage } from './pages/pack-editor';

const SOURCE = 'https://www.retsinformation.dk/eli/lta/2019/548';

test('a team lead authors a pack with forms, previews it, exports it, and it installs on a fresh profile', async ({
  context,
}, testInfo) => {
  const editor = await PackEditorPage.open(context);
  const { section, page } = editor;
  await editor.button('Opret ny pakke').click();

  await section.getByLabel('Navn', { exact: true }).fill('Aarhus jobcenter');
  await section.getByLabel('Udgiver', { exact: true }).fill('Team Vest');
  await section.getByLabel('Pakke-id', { exact: true }).fill('aarhus.jobcenter');
  await section.getByLabel('Hvad er nyt i version 1.0.0', { exact: true }).fill('Første udgave med telefonopfølgning.');

  // A template with two fields.
  await editor.button('Tilføj skabelon').click();
  const template = editor.template(0);
  await template.getByLabel('Titel', { exact: true }).fill('Telefonopfølgning');
  await template.getByLabel('Lovgrundlag', { exact: true }).fill('LAB § 30');
  await template.getByLabel('Kilde (https-link)', { exact: true }).fill(SOURCE);
  await template.getByLabel('Type for nyt felt', { exact: true }).selectOption({ label: 'Lang tekst' });
  await editor.button('Tilføj felt').click();
  const agreed = editor.field(template, 0);
  await agreed.getByLabel('Feltets navn', { exact: true }).fill('Hvad blev aftalt');
  await agreed.getByLabel('Skal udfyldes', { exact: true }).check();
  await template.getByLabel('Type for nyt felt', { exact: true }).selectOption({ label: 'Ja/nej' });
  await editor.button('Tilføj felt').click();
  const attest = editor.field(template, 1);
  await attest.getByLabel('Feltets navn', { exact: true }).fill('Lægeattest modtaget');
  await expect(attest.getByLabel('Feltets navn i notatteksten', { exact: true })).toHaveValue('lægeattest_modtaget');

  // The note body, with placeholders inserted at the cursor.
  const body = template.getByLabel('Notatets tekst', { exact: true });
  await body.fill('Aftalt: ');
  await body.press('End');
  await template.getByTitle('Indsæt feltet »Hvad blev aftalt« ved markøren').click();
  await expect(body).toHaveValue('Aftalt: {{hvad_blev_aftalt}}');
  await body.press('End');
  await body.pressSequentially('\n{{#lægeattest_modtaget}}Lægeattesten er modtaget.{{/lægeattest_modtaget}}');
  // A wrong placeholder is named next to the body while typing.
  await body.pressSequentially(' {{ukendt}}');
  await expect(template.getByTestId('editor-error')).toContainText('{{ukendt}} er ikke et felt i skabelonen');
  await body.press('Backspace');
  for (let i = 0; i < ' {{ukendt}}'.length - 1; i++) await body.press('Backspace');
  await expect(template.getByTestId('editor-error')).toHaveCount(0);

  // Preview as the caseworker sees it.
  await template.getByRole('button', { name: 'Forhåndsvis som sagsbehandler' }).click();
  const preview = template.getByTestId('editor-template-preview');
  await expect(preview.getByRole('heading', { name: 'Telefonopfølgning' })).toBeVisible();
  await preview.getByLabel(/Hvad blev aftalt/).fill('Attesten sendes fredag.');
  await preview.getByRole('radio', { name: 'Ja' }).check();
  await expect(preview.getByTestId('editor-note-preview')).toHaveText(
    'Aftalt: Attesten sendes fredag.\nLægeattesten er modtaget.',
  );
  expect(await wcagViolations(page)).toEqual([]);

  // A checklist linked to the template.
  await editor.button('Tilføj tjekliste').click();
  const checklist = editor.checklist(0);
  await checklist.getByLabel('Titel', { exact: true }).fill('Telefonopfølgning');
  await checklist.getByLabel('Skriver ind i skabelonen', { exact: true }).selectOption({ label: 'Telefonopfølgning' });
  await checklist.getByLabel('Lovgrundlag', { exact: true }).fill('LAB § 30');
  await checklist.getByLabel('Kilde (https-link)', { exact: true }).fill(SOURCE);
  await checklist.getByLabel('Punktets titel', { exact: true }).fill('Rådighed drøftet');
  await checklist.getByLabel('Tekst til notatet (valgfri)', { exact: true }).fill('Rådighed blev drøftet.');
  await checklist.getByLabel('Skal krydses af eller markeres som ikke relevant', { exact: true }).check();
  await checklist.getByRole('button', { name: 'Forhåndsvis som sagsbehandler' }).click();
  const listPreview = checklist.getByTestId('editor-checklist-preview');
  await expect(listPreview).toContainText('skriver ind i »Telefonopfølgning«');
  await expect(listPreview.getByRole('listitem')).toHaveText([
    'Rådighed drøftet *(skal udfyldes)Skriver: Rådighed blev drøftet.',
  ]);

  await expect(section.getByTestId('editor-valid')).toHaveText('Pakken er uden fejl og klar til eksport.');
  expect(await wcagViolations(page)).toEqual([]);

  // Nothing typed is lost: the draft is back after a reload.
  await expect(editor.saveState).toHaveText('Kladden er gemt');
  await page.reload();
  await expect(section.getByLabel('Navn', { exact: true })).toHaveValue('Aarhus jobcenter');
  await expect(editor.template(0)).toContainText('Telefonopfølgning');

  const downloadPromise = page.waitForEvent('download');
  await editor.button('Eksportér pakke').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('aarhus.jobcenter-1.0.0.json');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(editor.exportStatus).toContainText(
    'Pakken er sendt til browserens overførsler som aarhus.jobcenter-1.0.0.json',
  );
  const exported = validatePack(JSON.parse(readFileSync(file, 'utf8')));
  expect(exported.ok && exported.pack.checklists[0]!.templateId).toBe('aarhus.jobcenter.telefonopfoelgning');

  // A fresh profile imports the file through the options page's pack import.
  const freshDir = mkdtempSync(join(tmpdir(), 'sidevogn-fresh-'));
  const fresh = await launchWithExtension(freshDir);
  try {
    await setUpPassphrase(fresh.context);
    const [worker] = fresh.context.serviceWorkers();
    const options = await fresh.context.newPage();
    await options.goto(`chrome-extension://${new URL(worker!.url()).host}/options.html`);
    await options.getByLabel('Importér pakke (JSON-fil)', { exact: true }).setInputFiles(file);
    await options.getByRole('button', { name: 'Installér', exact: true }).click();
    await expect(options.getByRole('region', { name: 'Pakker', exact: true })).toContainText('Aarhus jobcenter');
  } finally {
    await fresh.context.close();
    removeProfile(freshDir);
  }
});

test('an installed pack opens as a new version, and a signed export verifies', async ({ context }, testInfo) => {
  const patched = bumpVersion(DEFAULT_PACK_VERSION, 'patch');
  const editor = await PackEditorPage.open(context);
  const { section, page } = editor;

  await section.getByLabel('Nøglens navn', { exact: true }).fill('Teamleder Vest');
  await editor.button('Opret nøgle').click();
  const key = section.getByTestId('signing-key');
  await expect(key).toContainText('Teamleder Vest');
  const fingerprint = (await key.getByTestId('key-fingerprint').textContent())!;
  expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);

  await section
    .getByLabel('Installeret pakke og version', { exact: true })
    .selectOption({ label: `Sidevogn standardpakke (dansk) ${DEFAULT_PACK_VERSION} (i brug)` });
  await editor.button('Åbn som ny version').click();
  await expect(section.getByLabel('Version', { exact: true })).toHaveValue(bumpVersion(DEFAULT_PACK_VERSION, 'minor'));
  await expect(section.getByLabel('Ændringens omfang', { exact: true })).toHaveValue('minor');
  await section.getByLabel('Ændringens omfang', { exact: true }).selectOption('patch');
  await expect(section.getByLabel('Version', { exact: true })).toHaveValue(bumpVersion(DEFAULT_PACK_VERSION, 'patch'));
  // The new version's changelog entry must be written before export.
  await editor.button('Eksportér pakke').click();
  await expect(editor.exportStatus).toContainText('Pakken er ikke eksporteret: 1 fejl skal rettes først.');
  await expect(section.getByTestId('editor-errors')).toContainText(/changelog\.\d+\.changes: Skal udfyldes/);
  await section.getByLabel(`Hvad er nyt i version ${patched}`, { exact: true }).fill('Rettet stavefejl.');
  await expect(section.getByTestId('editor-valid')).toBeVisible();

  // Reorder templates by keyboard.
  const first = await editor.template(0).getByRole('button', { expanded: false }).first().textContent();
  await editor
    .template(0)
    .getByRole('button', { name: /^Flyt .* ned$/ })
    .press('Enter');
  await expect(editor.template(1).getByRole('button', { expanded: false }).first()).toHaveText(first!);

  await section.getByLabel('Signér med nøgle', { exact: true }).check();
  await expect(section.getByLabel('Nøgle', { exact: true })).toContainText(fingerprint);
  expect(await wcagViolations(page)).toEqual([]);
  const downloadPromise = page.waitForEvent('download');
  await editor.button('Eksportér pakke').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`dk.default-${patched}.json`);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(editor.exportStatus).toContainText(`signeret med nøglen ${fingerprint}`);

  const parsed = validatePack(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  expect(parsed.pack.signature).toBeDefined();
  expect(parsed.pack.changelog.at(-1)).toMatchObject({ version: patched, changes: 'Rettet stavefejl.' });
  expect(await verifyPack(parsed.pack)).toMatchObject({ status: 'valid', fingerprint });

  // Deleting a key asks first.
  await key.getByRole('button', { name: 'Slet nøglen Teamleder Vest' }).click();
  await expect(key.getByRole('button', { name: 'Slet', exact: true })).toBeFocused();
  await key.getByRole('button', { name: 'Annullér' }).click();
  await expect(key).toBeVisible();
  await key.getByRole('button', { name: 'Slet nøglen Teamleder Vest' }).click();
  await key.getByRole('button', { name: 'Slet', exact: true }).click();
  await expect(section.getByTestId('signing-key')).toHaveCount(0);
  await expect(section.getByText('Ingen nøgler endnu.')).toBeVisible();
});

test('a team lead makes an internal template step by step, with no legal basis; a caseworker inserts it from the panel', async ({
  context,
  caseSystem,
  page: casePage,
}, testInfo) => {
  const editor = await PackEditorPage.open(context);
  const { section, page } = editor;
  await editor.button('Opret ny pakke').click();
  // Untouched new fields are not red; an error shows once the input is left.
  const name = section.getByLabel('Navn', { exact: true });
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await name.focus();
  await name.press('Tab');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Team Vest');
  await section.getByLabel('Udgiver', { exact: true }).fill('Team Vest');
  await section.getByLabel('Pakke-id', { exact: true }).fill('team.vest');

  // Step 1: the meeting and the name. "Næste" with nothing filled in names the error and focuses it.
  await editor.button('Ny skabelon trin for trin').click();
  // From the page: the section's name follows the language.
  const guide = page.getByTestId('template-guide');
  await expect(guide.getByRole('heading', { name: 'Trin 1 af 3: Mødet og navnet' })).toBeFocused();
  const title = guide.getByLabel('Skabelonens navn', { exact: true });
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
  await editor.button('Næste').click();
  await expect(title).toBeFocused();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await title.fill('Opfølgning i teamet');
  await guide.getByLabel('Mødetype', { exact: true }).selectOption({ label: 'Kontaktnotat' });
  await guide.getByLabel(/^Intern skabelon/).check();
  await expect(guide.getByLabel('Lovgrundlag (valgfri)', { exact: true })).toBeVisible();
  await editor.button('Næste').click();

  // Step 2: the fields; the placeholder is the label in readable form.
  await expect(guide.getByRole('heading', { name: 'Trin 2 af 3: Felterne' })).toBeFocused();
  await editor.button('Tilføj felt').click();
  const wish = guide.getByTestId('guide-field').nth(0);
  await expect(wish.getByLabel('Feltets navn', { exact: true })).toBeFocused();
  await wish.getByLabel('Feltets navn', { exact: true }).fill('Borgerens ønsker');
  await wish.getByLabel('Felttype', { exact: true }).selectOption({ label: 'Lang tekst' });
  await wish.getByLabel('Skal udfyldes', { exact: true }).check();
  await expect(wish).toContainText('{{borgerens_ønsker}}');
  await editor.button('Tilføj felt').click();
  await guide.getByTestId('guide-field').nth(1).getByLabel('Feltets navn', { exact: true }).fill('Næste skridt');
  await expect(guide.getByTestId('guide-field').nth(1)).toContainText('{{næste_skridt}}');
  await editor.button('Næste').click();

  // Step 3: the note text, fields inserted by clicking, with the live preview.
  await expect(guide.getByRole('heading', { name: 'Trin 3 af 3: Notatets tekst' })).toBeFocused();
  const body = guide.getByLabel('Notatets tekst', { exact: true });
  await body.fill('Borgeren ønsker: ');
  await guide.getByTitle('Indsæt feltet »Borgerens ønsker« ved markøren').click();
  await body.press('End');
  await body.pressSequentially('\nNæste skridt: ');
  await guide.getByTitle('Indsæt feltet »Næste skridt« ved markøren').press('Enter');
  await expect(body).toHaveValue('Borgeren ønsker: {{borgerens_ønsker}}\nNæste skridt: {{næste_skridt}}');
  const preview = guide.getByTestId('editor-template-preview');
  await expect(preview.getByTestId('template-basis')).toHaveText(
    'Intern skabelon: til teamets eget brug, uden lovgrundlag',
  );
  await preview.getByLabel(/Borgerens ønsker/).fill('Arbejde som tømrer.');
  await expect(preview.getByTestId('editor-note-preview')).toHaveText(
    'Borgeren ønsker: Arbejde som tømrer.\nNæste skridt:',
  );
  expect(await wcagViolations(page)).toEqual([]);
  // In English too (the page follows the language at once).
  await page.getByLabel('Sprog', { exact: true }).selectOption('en');
  await expect(guide.getByRole('heading', { name: 'Step 3 of 3: The note text' })).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);

  // Done: the ordinary editor, open on the template; the pack is valid with no legal basis.
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(guide).toHaveCount(0);
  const template = page.getByTestId('editor-template').first();
  await expect(template.getByLabel(/^Internal template/)).toBeChecked();
  await expect(template.getByLabel('Legal basis (optional)', { exact: true })).toHaveValue('');
  expect(await wcagViolations(page)).toEqual([]);
  await page.getByLabel('Language', { exact: true }).selectOption('da');
  await expect(template.getByLabel('Titel', { exact: true })).toHaveValue('Opfølgning i teamet');
  await expect(section.getByTestId('editor-valid')).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await editor.button('Eksportér pakke').click();
  const download = await downloadPromise;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const exported = validatePack(JSON.parse(readFileSync(file, 'utf8')));
  if (!exported.ok) throw new Error(exported.errors.join('\n'));
  expect(exported.pack.format).toBe('sidevogn-pack/5');
  expect(exported.pack.templates[0]).toMatchObject({ internal: true, title: 'Opfølgning i teamet' });
  expect(exported.pack.templates[0]!.legalBasis).toBeUndefined();
  expect(exported.pack.templates[0]!.fields.map((f) => f.id)).toEqual(['borgerens_ønsker', 'næste_skridt']);

  // Installed on the caseworker's Sidevogn through the options page.
  await page.getByLabel('Importér pakke (JSON-fil)', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Installér', exact: true }).click();
  await expect(page.getByTestId('installed-pack').filter({ hasText: 'Team Vest' })).toBeVisible();

  // The caseworker uses it: the panel says it is internal where the legal basis would be.
  await casePage.bringToFront();
  await caseSystem.gotoCase(citizen(0).caseId, 'journal');
  const { panel } = caseSystem;
  await panel.openTemplate('Opfølgning i teamet');
  await expect(panel.frame.getByTestId('template-basis')).toHaveText(
    'Intern skabelon: til teamets eget brug, uden lovgrundlag',
  );
  await panel.field(/Borgerens ønsker/).fill('Vil gerne arbejde som tømrer.');
  await panel.field(/Næste skridt/).fill('Praktik i januar.');
  await panel.insert();
  await panel.chooseTarget('Notat (tekst)');
  await expect(panel.templateStatus).toContainText('Notatet er indsat i »Notat (tekst)«');
  await expect(casePage.locator('#journal-tekst')).toHaveValue(
    'Borgeren ønsker: Vil gerne arbejde som tømrer.\nNæste skridt: Praktik i januar.',
  );
});
