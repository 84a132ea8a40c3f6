// `npm run screenshots`: the README's pictures of the panel's main views (Overblik,
// Noter, a template form, a checklist, Historik), at the panel's default 400 px
// width in a 1400×900 window, cropped to the panel, written to docs/screenshots/.
// Not part of `npm test`; run it again after a UI change and commit the PNGs.
//
// Demo data only: a fresh browser profile, the demo case system's made-up citizen,
// demo note text. Built on the panel's page object (tests/e2e/pages/panel.ts) and
// accessible names, as the e2e tests are, so it follows the UI as they do.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness/chromium.mjs';
import { citizen } from '../e2e/demo-data';
import { expect, test } from '../e2e/fixtures';
import type { Panel } from '../e2e/pages/panel';

const OUT = join(ROOT, 'docs', 'screenshots');
/** Each image stays small enough for the repository. */
const MAX_BYTES = 150 * 1024;

async function shoot(panel: Panel, name: string): Promise<void> {
  const path = join(OUT, `${name}.png`);
  // Settled: no caret blinking, no animation half-way, the panel scrolled to its top.
  await panel.frame.locator('body').evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.scrollingElement?.scrollTo(0, 0);
  });
  await panel.element.screenshot({ path, animations: 'disabled', caret: 'hide' });
  expect(statSync(path).size).toBeLessThan(MAX_BYTES);
}

test('screenshots of the panel at 400 px: Overblik, Noter, a template form, a checklist, Historik', async ({
  caseSystem,
  page,
}) => {
  test.setTimeout(120_000);
  const c = citizen(0);
  const { panel } = caseSystem;
  await caseSystem.gotoCase(c.caseId, 'journal');
  await expect(panel.citizenName).toHaveText(c.name);
  expect(Math.round((await panel.element.boundingBox())!.width)).toBe(400);
  const tab = (name: string) => panel.frame.getByRole('tab', { name, exact: true });

  await expect(tab('Overblik')).toHaveAttribute('aria-selected', 'true');
  await shoot(panel, 'overblik');

  await panel.writeNote('Ringede om lægeattest – den kommer i næste uge.');
  await panel.writeNote('Aftalt praktik hos Bygma fra 1. december, tre dage om ugen.');
  await shoot(panel, 'noter');

  await panel.openTemplate('kontakt');
  await panel.field(/Kontaktform/).selectOption({ label: 'Hjemmebesøg' });
  await panel.field(/Hvad blev oplyst/).fill('Borgeren har fået plads i praktik og glæder sig.');
  await panel.field(/Aftaler og næste skridt/).fill('Opfølgende samtale om to uger.');
  await shoot(panel, 'skabelon');

  // Into the journal field (the caret there first), so Historik has something to show.
  await page.locator('#journal-tekst').click();
  await panel.insert();
  if (await panel.targetChooser.isVisible()) await panel.chooseTarget('Notat (tekst)');
  await expect(panel.templateStatus).toContainText('indsat');

  await tab('Tjeklister').click();
  await panel.frame.getByLabel('Tjekliste', { exact: true }).selectOption({ label: 'Første jobsamtale' });
  await panel.frame.getByRole('button', { name: 'Start tjekliste' }).click();
  await expect(panel.frame.getByRole('checkbox').first()).toBeVisible();
  await shoot(panel, 'tjekliste');

  await tab('Historik').click();
  await expect(panel.frame.getByTestId('history-entry').first()).toBeVisible();
  await shoot(panel, 'historik');
});
