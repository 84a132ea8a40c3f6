import { expect, test } from './fixtures';

/** The extension API inside the service worker (evaluated there, typed here). */
declare const chrome: typeof import('wxt/browser').browser;
import { citizen, citizens, masked, MOD11_FAILING_CASE_ID } from './demo-data';

test('the panel shows the citizen opened in the case system, CPR masked until clicked', async ({ caseSystem }) => {
  const mette = citizen(0);
  await caseSystem.openList();
  await expect(caseSystem.panel.frame.getByRole('heading', { name: 'Ingen borger på siden' })).toBeVisible();

  await caseSystem.openCitizen(mette.name);
  const { panel } = caseSystem;
  await expect(panel.citizenName).toHaveText(mette.name);
  await expect(panel.cprButton).toHaveText(masked(mette.cpr));
  await expect(panel.frame.getByText(mette.cpr.slice(7))).toHaveCount(0);

  await panel.cprButton.click();
  await expect(panel.cprButton).toHaveText(mette.cpr);
  await panel.cprButton.click();
  await expect(panel.cprButton).toHaveText(masked(mette.cpr));

  // At the panel's default width every toolbar control is inside the panel (the
  // collapse button, last, was pushed out of sight by the layout list).
  const outside = await panel.frame
    .locator('header')
    .first()
    .evaluate((header) => {
      const right = header.getBoundingClientRect().right;
      return [...header.querySelectorAll('select, button')]
        .filter((c) => c.getBoundingClientRect().right > right + 0.5)
        .map((c) => c.getAttribute('aria-label') ?? c.textContent);
    });
  expect(outside).toEqual([]);
});

test('from 320 to 480 px the panel neither clips nor scrolls sideways; the collapse button stays in view', async ({
  caseSystem,
}) => {
  const { panel } = caseSystem;
  await caseSystem.gotoCase(citizen(0).caseId);
  await expect(panel.citizenName).toBeVisible();
  const handle = panel.frame.getByRole('separator', { name: 'Panelets bredde' });
  const collapse = panel.frame.getByRole('button', { name: 'Skjul panel' });
  // Arrow keys move the edge 20 px: 400 → 320 (4 × right), then → 480 (8 × left).
  for (const [key, presses, width] of [
    ['ArrowRight', 0, 400],
    ['ArrowRight', 4, 320],
    ['ArrowLeft', 8, 480],
  ] as const) {
    for (let i = 0; i < presses; i++) await handle.press(key);
    await expect.poll(async () => Math.round((await panel.element.boundingBox())!.width)).toBe(width);
    const overflow = await panel.frame
      .locator('main')
      .evaluate((main) => [document.scrollingElement!, main].map((el) => el.scrollWidth - el.clientWidth));
    expect(overflow, `sideways scroll at ${width} px`).toEqual([0, 0]);
    // Nothing in the header is squeezed: each control is as wide as its own content.
    const clipped = await panel.frame
      .locator('header')
      .first()
      .evaluate((header) =>
        [...header.querySelectorAll<HTMLElement>('select, button')]
          .filter((c) => c.offsetParent !== null)
          .filter((c) => {
            const width = c.getBoundingClientRect().width;
            c.style.minWidth = 'max-content';
            const natural = c.getBoundingClientRect().width;
            c.style.minWidth = '';
            return natural > width + 0.5;
          })
          .map((c) => c.getAttribute('aria-label') ?? c.id),
      );
    expect(clipped, `clipped header controls at ${width} px`).toEqual([]);
    const box = (await collapse.boundingBox())!;
    expect(box.x + box.width, `collapse button inside at ${width} px`).toBeLessThanOrEqual(
      (await panel.element.boundingBox())!.x + width + 0.5,
    );
  }
});

test('a CPR that fails modulus 11 is still accepted', async ({ caseSystem }) => {
  const failing = citizens.find((c) => c.caseId === MOD11_FAILING_CASE_ID)!;
  await caseSystem.gotoCase(failing.caseId);
  await expect(caseSystem.panel.citizenName).toHaveText(failing.name);
  await expect(caseSystem.panel.cprButton).toHaveText(masked(failing.cpr));
});

test('an SPA route change switches the panel to the new citizen within half a second', async ({ caseSystem, page }) => {
  const [a, b] = [citizen(0), citizen(1)];
  await caseSystem.gotoCase(a.caseId);
  await expect(caseSystem.panel.citizenName).toHaveText(a.name);
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await caseSystem.clientNavigate(`/borger/${b.caseId}`);
  await page.locator('.citizen-header .citizen-name', { hasText: b.name }).waitFor();
  const hostShowedAt = Date.now();
  await expect(caseSystem.panel.citizenName).toHaveText(b.name, { timeout: 2_000 });
  const switchMs = Date.now() - hostShowedAt;
  // Not a benchmark: the generous bound only catches a panel that waits for a reload.
  expect(switchMs).toBeLessThan(500);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  await caseSystem.clientNavigate('/kalender');
  await expect(caseSystem.panel.frame.getByRole('heading', { name: 'Ingen borger på siden' })).toBeVisible();
});

test('a page with two citizens asks which one, and never guesses', async ({ caseSystem, page }) => {
  const a = citizens.find((c) => c.husstand)!;
  const b = citizens.find((c) => c.caseId === a.husstand)!;
  await page.goto(`${caseSystem.baseUrl}/husstand/${a.caseId}/${b.caseId}`);
  const { panel } = caseSystem;
  await expect(panel.frame.getByRole('heading', { name: 'Siden viser flere borgere' })).toBeVisible();
  await expect(panel.citizenName).toHaveCount(0);
  await expect(panel.frame.getByRole('textbox')).toHaveCount(0);

  await panel.frame.getByRole('button', { name: new RegExp(b.name) }).click();
  await expect(panel.citizenName).toHaveText(b.name);
  await panel.frame.getByRole('button', { name: 'Skift borger' }).click();
  await expect(panel.frame.getByRole('heading', { name: 'Siden viser flere borgere' })).toBeVisible();
});

test('the panel collapses to a slim tab, resizes by keyboard, and pushes or overlays the page', async ({
  caseSystem,
  page,
}) => {
  await caseSystem.gotoCase(citizen(2).caseId);
  const { panel } = caseSystem;
  await expect(panel.citizenName).toBeVisible();
  const htmlMargin = () => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
  const frameWidth = async () => (await panel.element.boundingBox())!.width;

  // Push mode (default): the host page gets room, so nothing is hidden.
  expect(await frameWidth()).toBe(400);
  expect(await htmlMargin()).toBe('400px');

  const handle = panel.frame.getByRole('separator', { name: 'Panelets bredde' });
  await handle.focus();
  await handle.press('ArrowLeft');
  await handle.press('ArrowLeft');
  await expect.poll(frameWidth).toBe(440);
  expect(await htmlMargin()).toBe('440px');

  await panel.chooseLayout('overlay');
  await expect.poll(htmlMargin).toBe('0px');

  await panel.frame.getByRole('button', { name: 'Skjul panel' }).click();
  await expect.poll(frameWidth).toBe(36);
  const tab = panel.frame.getByRole('button', { name: 'Vis Sidevogn-panelet' });
  await tab.press('Enter');
  await expect.poll(frameWidth).toBe(440);
  await expect(panel.citizenName).toBeVisible();

  // The layout is a preference: it holds on the next page load.
  await page.reload();
  await expect(panel.citizenName).toBeVisible();
  expect(await frameWidth()).toBe(440);
  expect(await htmlMargin()).toBe('0px');
});

test('on a page too large to lay out again, push mode lies over the page instead and says why', async ({
  caseSystem,
  caseSystemUrl,
  page,
}) => {
  // /tung: a 5,000-row table the host keeps re-rendering (also the benchmarks' heavy page).
  // It keeps the host's main thread saturated by design, so every step that
  // needs that thread waits behind its long tasks: 17–32 s in CI with two
  // workers, and over the default 60 s with three on this 2-core VM.
  test.slow();
  await page.goto(`${caseSystemUrl}/tung`);
  const { panel } = caseSystem;
  const mode = panel.layout;
  // The panel is put in by the content script, on that same saturated thread (CI: over 5 s once).
  await expect(mode).toHaveValue('push', { timeout: 30_000 });
  await panel.openSettings();
  const reason = panel.frame.getByText('Siden er meget stor, så panelet ligger over den.');
  await expect(reason).toBeVisible();
  await expect(mode).toHaveAccessibleDescription(/Siden er meget stor/);
  expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
  expect((await panel.element.boundingBox())!.width).toBe(400);

  await mode.selectOption('overlay');
  await expect(reason).toBeHidden();

  // An ordinary page is still pushed aside.
  await mode.selectOption('push');
  await caseSystem.gotoCase(citizen(4).caseId);
  await expect(panel.citizenName).toBeVisible();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('400px');
  await expect(reason).toBeHidden();
});

test('the toggle command (manifest `commands`) collapses and reopens the panel', async ({
  caseSystem,
  context,
  page,
}) => {
  await caseSystem.gotoCase(citizen(3).caseId);
  await expect(caseSystem.panel.citizenName).toBeVisible();
  const [worker] = context.serviceWorkers();
  const manifest = await worker!.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?.['toggle-panel']?.suggested_key).toEqual({ default: 'Alt+Shift+S' });

  // Headless Chromium does not route browser accelerators to extensions, so
  // send what the command handler sends (lib/background/commands.ts, unit-tested).
  const width = async () => (await caseSystem.panel.element.boundingBox())!.width;
  const toggle = () =>
    worker!.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true });
      await chrome.tabs.sendMessage(tab!.id!, { type: 'toggle-panel' }, { frameId: 0 });
    });
  await toggle();
  await expect.poll(width).toBe(36);
  await toggle();
  await expect.poll(width).toBe(400);
  // Opening by command puts keyboard focus in the panel.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
});
