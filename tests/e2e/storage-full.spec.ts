import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { expect, test } from './fixtures';
import { panelFrame } from './extension';
import { fillDisk, makeRoom } from './disk-full';

const FULL = 'Der er ikke plads til at gemme.';

test('storage full: each save says so plainly, keeps earlier data and the unsaved text, and "Prøv igen" saves once there is room', async ({
  caseSystem,
  page,
}) => {
  const c = citizen(4);
  const { panel } = caseSystem;
  const { frame } = panel;
  await caseSystem.gotoCase(c.caseId, 'journal');
  await expect(panel.citizenName).toHaveText(c.name);

  // Earlier data: a note, an overview field, a checklist run.
  const earlierNote = 'Tidligere note: møde aftalt i januar.';
  await panel.writeNote(earlierNote);
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  const barriers = frame.getByLabel('Barrierer');
  await barriers.fill('Mangler kørekort.');
  await barriers.blur();
  await expect(frame.getByText('Skrevet af dig · ændret').first()).toBeVisible();
  await panel.startChecklist();
  const ticked = frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' });
  await expect(ticked).not.toBeChecked();

  // 1. A new note: the draft autosave and the save both fail with the same clear message.
  await panel.showNotes();
  const noteText = 'Borgeren har fået tilbudt praktik hos Vesthavn Auto fra uge 3.';
  await fillDisk(page);
  await panel.newNote.fill(noteText);
  const composerError = frame.locator('form', { has: panel.newNote }).getByTestId('save-error');
  await expect(composerError).toContainText(FULL);
  await frame.getByRole('button', { name: 'Gem note' }).click();
  await expect(composerError).toContainText(FULL);
  await expect(composerError).not.toContainText(/Quota|Error/);
  await expect(panel.newNote).toHaveValue(noteText);
  await expect(panel.notes).toHaveCount(1);
  await expect(panel.note(earlierNote)).toBeVisible();
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
  await makeRoom(page);
  await composerError.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(panel.note(noteText)).toBeVisible();
  await expect(composerError).toHaveCount(0);
  await expect(panel.newNote).toHaveValue('');

  // 2. A draft typed into the composer (no save pressed): kept on screen, written by the retry.
  // Its start is saved while there is room; the "Kladde gemt" that says so goes once a save fails.
  const draftText = 'Husk at spørge til kørekortet';
  await panel.newNote.fill(draftText.slice(0, 4));
  await expect(panel.draftStatus).toContainText('Kladde gemt');
  await fillDisk(page);
  // When the last keystroke was typed (in the panel's clock), to know when its autosave has run.
  await panelFrame(page).evaluate(() => {
    const w = window as unknown as { __inputAt?: number };
    document.addEventListener('input', () => (w.__inputAt = performance.now()), true);
  });
  await panel.newNote.pressSequentially(draftText.slice(4), { delay: 5 });
  await expect(composerError).toContainText(FULL);
  await expect(panel.newNote).toHaveValue(draftText);
  await expect(panel.draftStatus).toBeEmpty();
  // The autosave after the last keystroke has tried (and failed) while the disk is still
  // full; otherwise, on a slow machine, it may save by itself after makeRoom and there is
  // no retry left to press.
  await panelFrame(page).waitForFunction(() => {
    const w = window as unknown as { __inputAt?: number; __refusedAt?: number };
    return (w.__refusedAt ?? 0) > (w.__inputAt ?? Infinity);
  });
  await expect(composerError).toContainText(FULL);
  await makeRoom(page);
  await composerError.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(composerError).toHaveCount(0);
  await expect(panel.draftStatus).toContainText('Kladde gemt');

  // 3. The overview: the caseworker's own text.
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  const health = frame.getByLabel('Helbred');
  await fillDisk(page);
  await health.fill('Lægeattest på vej.');
  await health.blur();
  const healthError = frame.locator('div', { has: health }).getByTestId('save-error').last();
  await expect(healthError).toContainText(FULL);
  await expect(health).toHaveValue('Lægeattest på vej.');
  await expect(barriers).toHaveValue('Mangler kørekort.');
  await makeRoom(page);
  await healthError.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(frame.getByTestId('save-error')).toHaveCount(0);

  // 4. A template form's draft.
  await panel.openTemplate('kontakt');
  const learnt = panel.field(/Hvad blev oplyst/);
  await fillDisk(page);
  await learnt.fill('Borgeren ringede om lægeattesten.');
  const formError = frame.getByTestId('save-error');
  await expect(formError).toContainText(FULL);
  await expect(frame.getByText('Kladden gemmes automatisk')).toBeHidden();
  await expect(learnt).toHaveValue('Borgeren ringede om lægeattesten.');
  await expect(panel.preview).toContainText('Borgeren ringede om lægeattesten.');
  await makeRoom(page);
  await formError.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(formError).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Kassér kladde' })).toBeVisible();
  await expect(frame.getByText('Kladden gemmes automatisk')).toBeVisible();

  // 5. Ticking a checklist item: the box shows what is stored; the retry ticks it.
  await frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await fillDisk(page);
  await ticked.click();
  const itemError = frame.getByTestId('checklist-item').filter({ has: ticked }).getByTestId('save-error');
  await expect(itemError).toContainText(FULL);
  await expect(ticked).not.toBeChecked();
  await makeRoom(page);
  await itemError.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(ticked).toBeChecked();
  await expect(itemError).toHaveCount(0);

  // Everything, earlier and retried, is stored: a reload brings it back.
  await page.reload();
  await expect(panel.citizenName).toHaveText(c.name);
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  await expect(frame.getByLabel('Barrierer')).toHaveValue('Mangler kørekort.');
  await expect(frame.getByLabel('Helbred')).toHaveValue('Lægeattest på vej.');
  await panel.showNotes();
  await expect(panel.note(earlierNote)).toBeVisible();
  await expect(panel.note(noteText)).toBeVisible();
  await expect(panel.newNote).toHaveValue(draftText);
  await frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await expect(frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' })).toBeChecked();
  await panel.openTemplate('kontakt');
  await expect(panel.field(/Hvad blev oplyst/)).toHaveValue('Borgeren ringede om lægeattesten.');
});

test('storage full as a note goes in: the panel says it is in, once, and that it could not be recorded after; the same for the handover note', async ({
  caseSystem,
  page,
}) => {
  const c = citizen(5);
  const { panel } = caseSystem;
  const { frame } = panel;
  await caseSystem.gotoCase(c.caseId, 'journal');
  await expect(panel.citizenName).toHaveText(c.name);
  await page.locator('#journal-tekst').click();

  // The form is filled (its draft saved) while there is room; the disk is full as it goes in.
  await panel.openTemplate('kontakt');
  await panel.field(/Hvad blev oplyst/).fill('Fuld disk ved indsættelsen.');
  await panel.field(/Aftaler og næste skridt/).fill('Ingen.');
  await expect(frame.getByTestId('save-error')).toHaveCount(0);
  await fillDisk(page);
  await panel.insert();
  const done = frame.getByTestId('template-done');
  await expect(done.getByTestId('template-status')).toContainText('indsat i »Notat (tekst)«');
  await expect(done.getByTestId('not-recorded')).toHaveText(
    'Men bagefter kunne Sidevogn ikke gemme alt om notatet (historik, brugstal, tjekliste eller kladde): der er ikke plads på computerens disk. Indsæt det ikke igen.',
  );
  await expect(done.getByTestId('template-status')).not.toContainText('hverken');
  // In the journal once, and the form has given way: no insert button to press again.
  const journal = await page.locator('#journal-tekst').inputValue();
  expect(journal.split('Oplyst: Fuld disk ved indsættelsen.')).toHaveLength(2);
  await expect(frame.getByRole('button', { name: 'Indsæt i journal' })).toHaveCount(0);
  expect(await wcagViolations(panelFrame(page))).toEqual([]);

  // The handover note: read with the disk full (reads still work), inserted, not recorded.
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  await page.locator('#journal-tekst').click();
  await frame.getByRole('button', { name: 'Indsæt som overdragelsesnotat' }).click();
  const confirm = frame.getByTestId('handover-confirm');
  await confirm.getByRole('button', { name: 'Indsæt i »Notat (tekst)«' }).click();
  await expect(frame.getByTestId('summary-status')).toContainText('Notatet er indsat i »Notat (tekst)«');
  await expect(frame.getByTestId('not-recorded')).toContainText('der er ikke plads på computerens disk');
  expect((await page.locator('#journal-tekst').inputValue()).split('Overdragelsesnotat')).toHaveLength(2);
  await makeRoom(page);
});

test('storage full when a deleted note is brought back: the panel says it is still deleted, and "Prøv igen" brings it back once there is room', async ({
  caseSystem,
  page,
}) => {
  const c = citizen(6);
  const { panel } = caseSystem;
  await caseSystem.gotoCase(c.caseId);
  await panel.writeNote('Noten der skal fortrydes.');
  await panel.note('Noten der skal fortrydes.').getByRole('button', { name: 'Slet' }).click();
  await expect(panel.notes).toHaveCount(0);
  await fillDisk(page);
  await panel.frame.getByRole('button', { name: 'Fortryd' }).click();
  const failed = panel.frame.getByTestId('undo-failed');
  await expect(failed).toContainText(
    'Noten kunne ikke gendannes og er stadig slettet: der er ikke plads på computerens disk.',
  );
  await expect(panel.notes).toHaveCount(0);
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
  // Another tab and back: the failure, and the note it holds, are still there.
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await expect(failed).toHaveCount(0);
  await panel.showNotes();
  await expect(failed).toContainText('Noten kunne ikke gendannes og er stadig slettet');
  await makeRoom(page);
  await failed.getByRole('button', { name: 'Prøv igen' }).click();
  await expect(panel.note('Noten der skal fortrydes.')).toBeVisible();
  await expect(failed).toHaveCount(0);
});

test('storage full after a citizen is erased: the erase stands, and the panel says what failed after it', async ({
  caseSystem,
  page,
}) => {
  const c = citizen(7);
  const { panel } = caseSystem;
  await caseSystem.gotoCase(c.caseId);
  await panel.writeNote('Noten der slettes.');
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await panel.openCitizenDataMenu();
  // The erase deletes; the fresh, empty record it opens after (a write to the citizens table) finds no room.
  await panelFrame(page).evaluate(() => {
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'citizens')
        throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await panel.frame.getByRole('button', { name: 'Slet alt om borgeren' }).click();
  await panel.frame
    .getByRole('alertdialog', { name: 'Slet alt om borgeren?' })
    .getByRole('button', { name: 'Ja, slet alt' })
    .click();
  const status = panel.frame.getByTestId('privacy-status');
  await expect(status).toContainText('Alt om borgeren er slettet');
  await expect(status.getByTestId('afterwards-failed')).toHaveText(
    'Det, der står ovenfor, er sket, men bagefter gik noget galt: der er ikke plads på computerens disk.',
  );
  await expect(status).not.toContainText('Intet er ændret');
  await panel.showNotes();
  await expect(panel.notes).toHaveCount(0);
});
