import { expect, test, unlock } from './fixtures';
import { CaseSystem } from './pages/case-system';
import { citizen } from './demo-data';
import { executableOf, processGroupOf, profileProcesses } from '../harness/chromium.mjs';

// Playwright's trace recorder cannot finish on a browser we SIGKILL.
test.use({ trace: 'off' });

test('a draft typed just before the browser is killed (SIGKILL) is there after relaunch', async ({
  spawn,
  caseSystemUrl,
  profileDir,
}) => {
  const c = citizen(7);
  const text = 'Borgeren fortalte om sin søn, som er syg; husk at spørge til ham.';
  let browser = await spawn();
  let cs = new CaseSystem(await browser.context.newPage(), caseSystemUrl);
  await cs.gotoCase(c.caseId);
  await expect(cs.panel.citizenName).toHaveText(c.name);
  // The pid we kill is the browser itself (not a wrapper script), and it is this profile's browser.
  expect(executableOf(browser.pid) ?? '').toMatch(/chrom/i);
  expect(profileProcesses(profileDir)).toContain(browser.pid);
  // Every process of the profile (renderers, GPU, network, storage) is in the
  // browser's process group, which the kill stops in one kill(-pgid): none of
  // them outlives the browser to finish a write.
  const processes = profileProcesses(profileDir);
  expect(processes.length).toBeGreaterThan(2);
  expect(processes.map(processGroupOf)).toEqual(processes.map(() => browser.processGroup));
  await cs.panel.typeDraft(text);
  const lastKey = performance.now();
  // Timers may fire a millisecond early against the clock; wait until 200 ms have passed.
  while (performance.now() - lastKey < 200)
    await new Promise((r) => setTimeout(r, 200 - (performance.now() - lastKey)));
  const killedAt = performance.now();
  await browser.kill();
  // Killed 200 ms after the last keystroke (not later, which would give the save more time).
  expect(killedAt - lastKey).toBeGreaterThanOrEqual(200);
  expect(killedAt - lastKey).toBeLessThan(400);
  expect(profileProcesses(profileDir)).toEqual([]);
  expect(browser.strays).toEqual([]);

  browser = await spawn();
  await unlock(browser.context);
  cs = new CaseSystem(await browser.context.newPage(), caseSystemUrl);
  await cs.gotoCase(c.caseId);
  await cs.panel.showNotes();
  await expect(cs.panel.newNote).toHaveValue(text);
  await expect(cs.panel.draftStatus).toContainText('Kladde gendannet');
});
