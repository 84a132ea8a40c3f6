import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, removeProfile } from '../harness/chromium.mjs';
import { DEFAULT_PACK_VERSION } from '../../lib/packs/default-pack-version';
import { bumpVersion } from '../../lib/packs/editor/version';
import { verifyPack } from '../../lib/packs/signing';
import { validatePack } from '../../lib/packs/validate';
import { wcagViolations } from './axe';
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
  await expect(attest.getByLabel('Feltets navn i notatteksten', { exact: true })).toHaveValue('laegeattestModtaget');

  // The note body, with placeholders inserted at the cursor.
  const body = template.getByLabel('Notatets tekst', { exact: true });
  await body.fill('Aftalt: ');
  await body.press('End');
  await template.getByTitle('Indsæt feltet »Hvad blev aftalt« ved markøren').click();
  await expect(body).toHaveValue('Aftalt: {{hvadBlevAftalt}}');
  await body.press('End');
  await body.pressSequentially('\n{{#laegeattestModtaget}}Lægeattesten er modtaget.{{/laegeattestModtaget}}');
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
  await expect(editor.exportStatus).toContainText('Pakken er eksporteret som aarhus.jobcenter-1.0.0.json');
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
