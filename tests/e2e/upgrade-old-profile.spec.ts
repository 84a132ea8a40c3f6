import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/chromium.mjs';
import { citizen } from './demo-data';
import { expect, test } from './fixtures';

/**
 * A real older profile: the extension's IndexedDB as Chromium 156 wrote it for
 * the build before encryption at rest (commit e9b941a^, database version 5, no
 * passphrase), with two notes, a draft, an overview field and a ticked
 * checklist item typed through that build's own panel
 * (tests/fixtures/old-profile-v5/README.md says how it was made). The current
 * build opens it (version 6), the caseworker sets a passphrase (which seals the
 * records kept in clear), and every record is read back in the panel.
 */
/** Puts a saved profile's IndexedDB (tests/fixtures/<name>/IndexedDB) into the test's profile, before the browser starts. */
const savedProfile = (name: string) =>
  test.beforeEach(({ profileDir }) => {
    const target = join(profileDir, 'Default', 'IndexedDB');
    mkdirSync(target, { recursive: true });
    cpSync(join(ROOT, 'tests', 'fixtures', name, 'IndexedDB'), target, { recursive: true });
  });

test.describe('version 5', () => {
  savedProfile('old-profile-v5');

  test('a profile saved by the version-5 build opens in this build: after set-up every note, the draft, the overview and the checklist are there', async ({
    caseSystem,
  }) => {
    const c = citizen(4);
    const { panel } = caseSystem;
    const { frame } = panel;
    await caseSystem.gotoCase(c.caseId, 'journal');
    await expect(panel.citizenName).toHaveText(c.name);
    await panel.showNotes();
    await expect(panel.note('Gammel note 1: møde aftalt i januar.')).toBeVisible();
    await expect(panel.note('Gammel note 2: lægeattest på vej.')).toBeVisible();
    await expect(panel.notes).toHaveCount(2);
    await expect(panel.newNote).toHaveValue('Gammel kladde');
    await frame.getByRole('tab', { name: 'Overblik' }).click();
    await expect(frame.getByLabel('Barrierer', { exact: true }).first()).toHaveValue(
      'Gammel barriere: mangler kørekort.',
    );
    await frame.getByRole('tab', { name: 'Tjeklister' }).click();
    await expect(frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' })).toBeChecked();
  });
});

/**
 * The same for the version-4 build (commit 13610c7^, the last at database version 4:
 * no overview, no checklists in the panel yet), made by tests/fixtures/old-profile-v4/make.sh:
 * two notes, a draft, a template inserted into the journal (a history entry) and a template
 * form begun again and left (a form draft). The current build adds the tables of versions
 * 5 and 6 to it; set-up seals the records.
 */
test.describe('version 4', () => {
  savedProfile('old-profile-v4');

  test('a profile saved by the version-4 build opens in this build: after set-up every note, the draft, the history entry and the template draft are there', async ({
    caseSystem,
  }) => {
    const c = citizen(4);
    const { panel } = caseSystem;
    const { frame } = panel;
    await caseSystem.gotoCase(c.caseId, 'journal');
    await expect(panel.citizenName).toHaveText(c.name);
    await panel.showNotes();
    await expect(panel.note('Gammel v4-note 1: møde aftalt i januar.')).toBeVisible();
    await expect(panel.note('Gammel v4-note 2: lægeattest på vej.')).toBeVisible();
    await expect(panel.notes).toHaveCount(2);
    await expect(panel.newNote).toHaveValue('Gammel v4-kladde');
    await frame.getByRole('tab', { name: 'Historik' }).click();
    await expect(frame.getByTestId('history-entry')).toContainText(
      'Kort kontaktnotat (telefon eller hjemmebesøg) indsat i »Notat (tekst)«',
    );
    await panel.openTemplate('kontakt');
    await expect(panel.field(/Hvad blev oplyst/)).toHaveValue('Gammel skabelonkladde v4');
  });
});
