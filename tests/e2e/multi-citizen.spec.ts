import { citizens } from './demo-data';
import { expect, test } from './fixtures';

/**
 * A page that shows two citizens (the household calculation, /husstand/a/b): the panel
 * asks which one, and what the caseworker then writes (a note, the overview) belongs to
 * the citizen chosen, not the other one on the page (issue 28, untested behaviours).
 */
test('on a page with two citizens, a note and the overview go to the citizen chosen, not the other', async ({
  caseSystem,
  page,
}) => {
  const a = citizens.find((c) => c.husstand)!;
  const b = citizens.find((c) => c.caseId === a.husstand)!;
  const { panel } = caseSystem;
  const { frame } = panel;
  const NOTE = 'Husstandsberegning gennemgået med ægtefællen.';
  const GOAL = 'Vil gerne i fleksjob som bogholder.';

  await page.goto(`${caseSystem.baseUrl}/husstand/${a.caseId}/${b.caseId}`);
  await frame.getByRole('button', { name: new RegExp(b.name) }).click();
  await expect(panel.citizenName).toHaveText(b.name);
  await frame.getByLabel('Borgerens mål – med borgerens egne ord').fill(GOAL);
  await panel.writeNote(NOTE);

  // The other citizen on the same page: nothing of it.
  await frame.getByRole('button', { name: 'Skift borger' }).click();
  await frame.getByRole('button', { name: new RegExp(a.name) }).click();
  await expect(panel.citizenName).toHaveText(a.name);
  await panel.showNotes();
  await expect(panel.note(NOTE)).toHaveCount(0);
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  await expect(frame.getByLabel('Borgerens mål – med borgerens egne ord')).toHaveValue('');

  // Each citizen's own case page agrees: the note and the goal are the chosen one's.
  await caseSystem.gotoCase(b.caseId);
  await expect(panel.citizenName).toHaveText(b.name);
  await expect(frame.getByLabel('Borgerens mål – med borgerens egne ord')).toHaveValue(GOAL);
  await panel.showNotes();
  await expect(panel.note(NOTE)).toHaveCount(1);
  await caseSystem.gotoCase(a.caseId);
  await expect(panel.citizenName).toHaveText(a.name);
  await panel.showNotes();
  await expect(panel.notes).toHaveCount(0);
});
