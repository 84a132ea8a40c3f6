import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Panel } from './pages/panel';

/**
 * The hostile case-system page (tests/case-system/public/fjendtlig) records
 * everything it can observe and forges messages. The caseworker's work in the
 * panel must never reach it, and its forgeries must change nothing.
 */

declare global {
  interface Window {
    __spy: {
      records(): string[];
      stats: Record<'events' | 'mutations' | 'walks' | 'shadowRoots' | 'frameReads' | 'frameDenied' | 'forged', number>;
      attempts: Record<string, string>;
    };
  }
}

const NOTE_CANARY = 'KANARIE-NOTE-7f3a helbred';
const TEMPLATE_CANARY = 'KANARIE-SKABELON-91c2';
const HOST_TYPED = 'Værtens egen tekst';
/** The host shows this CPR as 2304874417; the panel shows 230487-•••• and, revealed, 230487-4417. */
const CPR_AS_HOST_SHOWS = '2304874417';
const CPR_AS_PANEL_SHOWS = ['230487-4417', '230487 4417', '230487-••••'];

const spy = (page: Page) =>
  page.evaluate(() => ({
    records: window.__spy.records(),
    stats: window.__spy.stats,
    attempts: window.__spy.attempts,
  }));
const walks = (page: Page) => page.evaluate(() => window.__spy.stats.walks);

test('a hostile page sees no note, template text or unmasked CPR, and its forged messages do nothing', async ({
  page,
  caseSystemUrl,
}) => {
  await page.goto(`${caseSystemUrl}/fjendtlig/borger`);
  const panel = new Panel(page);
  await expect(panel.citizenName).toHaveText('Kanariefugl Testesen');

  // The host's own field, typed into like a person: the spy must see this (its probes work).
  await page.locator('#journal-tekst').pressSequentially(HOST_TYPED, { delay: 5 });

  // The caseworker's work in the panel, typed key by key.
  await panel.typeDraft(NOTE_CANARY);
  await panel.frame.getByRole('button', { name: 'Gem note' }).click();
  await expect(panel.note(NOTE_CANARY)).toHaveCount(1);
  await panel.openTemplate('kontakt');
  await panel.field(/Hvad blev oplyst/).pressSequentially(TEMPLATE_CANARY, { delay: 5 });
  await expect(panel.preview).toContainText(TEMPLATE_CANARY);
  await panel.cprButton.click();
  await expect(panel.cprButton).toContainText('230487-4417');

  // Give the spy a dozen more sweeps and forgeries after everything is on screen.
  const after = await walks(page);
  await expect.poll(() => walks(page), { timeout: 10_000 }).toBeGreaterThan(after + 12);

  const { records, stats, attempts } = await spy(page);
  const all = records.join('\n');
  // The probes ran and saw the host's own things...
  expect(stats.events).toBeGreaterThan(0);
  expect(stats.mutations).toBeGreaterThan(0);
  expect(stats.shadowRoots).toBeGreaterThanOrEqual(1);
  expect(stats.frameDenied).toBeGreaterThan(0);
  expect(stats.forged).toBeGreaterThan(0);
  expect(all).toContain(HOST_TYPED);
  expect(all).toContain(CPR_AS_HOST_SHOWS);
  expect(all).toContain('Hostens egen lukkede widget');
  // ...and nothing of the panel's.
  expect(all).not.toContain('KANARIE');
  for (const cpr of CPR_AS_PANEL_SHOWS) expect(all).not.toContain(cpr);
  expect(all).not.toContain('Gem note');
  // The only frames it could read are its own blank or error documents, never the panel.
  expect(all).not.toMatch(/Sidevogn – sidepanel<\/title>|Ny note/);

  // Talking to the extension or fetching its page directly fails.
  expect(attempts.runtime).toBe('chrome.runtime.sendMessage is not available to this page');
  expect(attempts.fetchStatic).toMatch(/^refused/);
  // The static URL is not web-accessible (use_dynamic_url): that frame never holds the panel.
  const staticFrame = await page
    .locator('#spy-static')
    .elementHandle()
    .then((h) => h!.contentFrame());
  expect(staticFrame!.url()).not.toContain('panel.html');
  // A copy framed with the URL read from our frame loads, but the bridge refuses it: no citizen in it.
  expect(attempts.copiedUrl).toMatch(/^chrome-extension:\/\/[0-9a-f-]+\/panel\.html$/);
  const copy = page.frameLocator('#spy-copy');
  // (It is the panel, cross-origin to the page, waiting for a token it never gets.)
  await expect(copy.locator('body')).toContainText('Forbinder til sagssystemet');
  await expect(copy.locator('body')).not.toContainText('Kanariefugl');

  // The forgeries changed nothing: host field, panel citizen, layout.
  await expect(page.locator('#journal-tekst')).toHaveValue(HOST_TYPED);
  await expect(panel.citizenName).toHaveText('Kanariefugl Testesen');
  await expect(panel.frame.getByText('Forfalsket Borger')).toHaveCount(0);
  await expect(panel.element).toHaveCSS('width', '400px');
  await expect(panel.frame.getByRole('tab', { name: 'Noter' })).toBeVisible();
  // Forged side-panel and modal-dialog messages and events: no modal notice, still pushed, no fallback.
  await expect(panel.frame.getByTestId('modal-notice')).toHaveCount(0);
  await expect(panel.layout).toHaveValue('push');
  await expect(panel.frame.getByText('kan ikke skubbes til side')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('400px');

  // And the real panel still works: the note goes in where the caseworker asks.
  await panel.field(/Aftaler og næste skridt/).fill('Ny samtale om to uger.');
  await panel.insert();
  await expect(panel.templateStatus).toContainText('Notatet er indsat');
  await expect(page.locator('#journal-tekst')).toHaveValue(new RegExp(`^${HOST_TYPED}.*Ny samtale om to uger`, 's'));
});

test('a host that hides or covers the panel cannot turn a click into inserting the private overview', async ({
  page,
  caseSystemUrl,
}) => {
  const HEALTH_CANARY = 'KANARIE-HELBRED-5d1e rygsmerter';
  await page.goto(`${caseSystemUrl}/fjendtlig/borger`);
  const panel = new Panel(page);
  await expect(panel.citizenName).toHaveText('Kanariefugl Testesen');
  await panel.field('Helbred').fill(HEALTH_CANARY);
  const journal = page.locator('#journal-tekst');
  await journal.fill(HOST_TYPED);
  await journal.click();
  const handover = panel.frame.getByRole('button', { name: 'Indsæt som overdragelsesnotat' });
  const status = panel.frame.getByTestId('summary-status');
  const refused = 'Sidevogn er skjult eller dækket af siden, så intet blev indsat.';
  const frameOpacity = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('iframe[title^="Sidevogn"]')!).opacity);
  // A style sheet rule the bridge cannot put back (it keeps only the frame's own inline style).
  const hostHides = (hidden: boolean) =>
    page.evaluate((on) => {
      let sheet = document.getElementById('skjul-panel');
      if (!sheet) document.head.append((sheet = Object.assign(document.createElement('style'), { id: 'skjul-panel' })));
      sheet.textContent = on ? 'iframe[title^="Sidevogn"] { opacity: 0 !important }' : '';
    }, hidden);

  // The host restyles the frame itself: the bridge puts its own style back at once.
  await page.evaluate(() => {
    document.querySelector<HTMLIFrameElement>('iframe[title^="Sidevogn"]')!.style.cssText += ';opacity:0';
  });
  expect(await frameOpacity()).toBe('1');

  const confirm = panel.frame.getByTestId('handover-confirm');
  const confirmInsert = confirm.getByRole('button', { name: 'Indsæt i »Notat (tekst)«' });
  /**
   * Clicks »Indsæt som overdragelsesnotat« until the panel accepts the click (its
   * confirmation opens). A frame shown again is refused ("først vist lige før dit
   * klik") until the panel's observer has seen it for VISIBLE_FOR_MS
   * (lib/panel/visibility.ts): the panel's own answer is what is waited for, click by
   * click (each click's outcome, a status line or the confirmation, is awaited), never
   * a fixed time. An accepted click also proves the panel counts the frame as seen
   * for that long, which the steps below build on.
   */
  const handoverOnceSeen = async () => {
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Annullér' }).click();
    await expect(async () => {
      await handover.click();
      // The click cleared the status line at once (synchronously in its handler); now its outcome.
      await expect(confirm.or(status.locator('p'))).toBeVisible();
      expect(await confirm.isVisible(), 'the panel refused the click').toBe(true);
    }).toPass({ intervals: [0], timeout: 15_000 });
  };

  // The host makes the panel transparent: a click on its decoy lands on the real button.
  await hostHides(true);
  expect(await frameOpacity()).toBe('0');
  await handover.click();
  await expect(status).toContainText(refused);
  await expect(journal).toHaveValue(HOST_TYPED);

  // Visible again and seen for long enough (the panel accepts a click)...
  await hostHides(false);
  await handoverOnceSeen();
  // ...then covered by a decoy that lets clicks through: the confirming click is refused.
  await page.evaluate(() => {
    const decoy = document.createElement('div');
    decoy.id = 'decoy';
    decoy.textContent = 'Klik her for at fortsætte';
    decoy.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:rgba(255,255,255,.98)';
    document.body.append(decoy);
  });
  await confirmInsert.click();
  await expect(status).toContainText(refused);
  await expect(journal).toHaveValue(HOST_TYPED);
  // That refusal came from the observer's report of the cover (the frame had been seen for
  // VISIBLE_FOR_MS before it, so nothing else explains it), and the report stands while the
  // decoy does: the first click of a handover is refused, and so is a template's note, whose
  // insert checks at once (the decoy is in place before the caseworker's click, as it would be).
  await handover.click();
  await expect(status).toContainText(refused);
  await panel.openTemplate('kontakt');
  await panel.field(/Hvad blev oplyst/).fill('Borgeren ringede.');
  await panel.field(/Aftaler og næste skridt/).fill('Ingen.');
  await panel.insert();
  await expect(panel.templateStatus).toContainText(refused);
  await expect(journal).toHaveValue(HOST_TYPED);

  // Uncovered: the handover first shows its exact text and the field it goes into.
  await page.evaluate(() => document.getElementById('decoy')!.remove());
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await handoverOnceSeen();
  await expect(confirm).toContainText('Det indsættes i »Notat (tekst)«');
  await expect(confirm.getByTestId('handover-text')).toContainText(`Helbred: ${HEALTH_CANARY}`);
  await expect(journal).toHaveValue(HOST_TYPED);

  // Hidden between the two clicks: the confirming click is refused too.
  await hostHides(true);
  await confirmInsert.click();
  await expect(status).toContainText(refused);
  await expect(journal).toHaveValue(HOST_TYPED);

  // Seen, then confirmed: it goes in.
  await hostHides(false);
  await handoverOnceSeen();
  await confirmInsert.click();
  await expect(status).toContainText('Notatet er indsat i »Notat (tekst)«');
  await expect(journal).toHaveValue(new RegExp(`^${HOST_TYPED}.*Helbred: ${HEALTH_CANARY}`, 's'));
});
