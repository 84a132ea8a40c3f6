import { expect, test, unlock } from './fixtures';
import { CaseSystem } from './pages/case-system';
import { citizen } from './demo-data';

// Playwright's trace recorder cannot finish on a browser we SIGKILL.
test.use({ trace: 'off' });

test('a draft typed just before the browser is killed (SIGKILL) is there after relaunch', async ({
  spawn,
  caseSystemUrl,
}) => {
  const c = citizen(7);
  const text = 'Borgeren fortalte om sin søn, som er syg; husk at spørge til ham.';
  let browser = await spawn();
  let cs = new CaseSystem(await browser.context.newPage(), caseSystemUrl);
  await cs.gotoCase(c.caseId);
  await expect(cs.panel.citizenName).toHaveText(c.name);
  await cs.panel.typeDraft(text);
  await new Promise((r) => setTimeout(r, 200));
  await browser.kill();

  browser = await spawn();
  await unlock(browser.context);
  cs = new CaseSystem(await browser.context.newPage(), caseSystemUrl);
  await cs.gotoCase(c.caseId);
  await cs.panel.showNotes();
  await expect(cs.panel.newNote).toHaveValue(text);
  await expect(cs.panel.draftStatus).toContainText('Kladde gendannet');
});
