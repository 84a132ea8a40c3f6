import type { Frame } from '@playwright/test';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { expect, test } from './fixtures';
import { panelFrame } from './extension';

/** The caseworker's own fields on the Overblik, by their Danish labels. */
const OWN_FIELDS = [
  'Borgerens mål – med borgerens egne ord',
  'Situation',
  'Ressourcer',
  'Barrierer',
  'Helbred',
  'Aftaler',
  'Næste skridt',
];

/** 200 characters of ordinary Danish prose (a field as a caseworker fills it). */
function twoHundred(seed: number): string {
  const words =
    'borgeren fortæller at hun gerne vil arbejde med mennesker og har haft rengøringsjob i tre år men mangler ro i hverdagen struktur og en plan for de næste måneder sammen med mentor og lægen'.split(
      ' ',
    );
  let text = `${seed + 1}.`;
  for (let i = seed; text.length < 200; i++) text += ` ${words[i % words.length]}`;
  return `${text.slice(0, 199).trimEnd().padEnd(199, 'x')}.`;
}

/** How far the panel's scrolling element (its `main`) would scroll, and the page's own. */
async function overflow(frame: Frame) {
  return frame.locator('main').evaluate((main) => ({
    scrollHeight: main.scrollHeight,
    clientHeight: main.clientHeight,
    /** What the content needs (scrollHeight is never below clientHeight). */
    content: Math.ceil(main.lastElementChild!.getBoundingClientRect().bottom - main.getBoundingClientRect().top),
    page: document.scrollingElement!.scrollHeight - document.scrollingElement!.clientHeight,
  }));
}

test('the Overblik of a citizen whose own fields each hold 200 characters fits one 900 px screen, axe-clean in Danish and English', async ({
  caseSystem,
  page,
}) => {
  const c = citizen(0);
  await caseSystem.gotoCase(c.caseId);
  const { panel } = caseSystem;
  const { frame } = panel;
  // The default: the panel in the page, 400 px wide, at a 1400×900 window.
  expect(page.viewportSize()).toEqual({ width: 1400, height: 900 });
  await expect.poll(async () => Math.round((await panel.element.boundingBox())?.width ?? 0)).toBe(400);
  await expect(panel.layout.locator('option:checked')).toHaveText('Skub siden til side');
  for (const [i, label] of OWN_FIELDS.entries()) {
    const field = frame.getByLabel(label, { exact: true });
    await field.fill(twoHundred(i));
    await field.blur();
  }
  // Saved (each shows its stamp from the stored record), then read back after a reload.
  await expect(frame.getByTestId('source-own')).toHaveCount(OWN_FIELDS.length);
  await page.reload();
  await expect(frame.getByLabel('Næste skridt', { exact: true })).toHaveValue(twoHundred(6));
  // Nothing dropped: every field shows all of its text.
  for (const label of OWN_FIELDS) {
    const shown = await frame
      .getByLabel(label, { exact: true })
      .evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.getBoundingClientRect().height > 0);
    expect.soft(shown, `${label} shows all its text`).toBe(true);
  }

  const main = panelFrame(page);
  const size = await overflow(main);
  test.info().annotations.push({ type: 'Overblik height', description: JSON.stringify(size) });
  expect(size.page).toBe(0);
  expect(
    size.scrollHeight,
    `the Overblik is ${size.scrollHeight} px in a ${size.clientHeight} px panel`,
  ).toBeLessThanOrEqual(size.clientHeight);
  expect(await wcagViolations(main)).toEqual([]);

  // Leaving a field moves nothing below it: the first click on the next button lands.
  await frame.getByLabel('Helbred', { exact: true }).focus();
  await expect(frame.getByTestId('health-guidance')).toBeVisible();
  await frame.getByRole('button', { name: 'Ny frist' }).click();
  await expect(frame.getByRole('button', { name: 'Ny frist' })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');

  await panel.openSettings();
  await frame.getByLabel('Sprog', { exact: true }).selectOption('en');
  await expect(frame.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await panel.settingsButton.click();
  const english = await overflow(main);
  expect(
    english.scrollHeight,
    `in English ${english.scrollHeight} px in ${english.clientHeight} px`,
  ).toBeLessThanOrEqual(english.clientHeight);
  expect(await wcagViolations(main)).toEqual([]);
});

/**
 * A time zone in which the local clock reads 11 o'clock now (as in summary.spec.ts), so
 * "2 days ago" and "10:00 today has passed" do not depend on when the test runs.
 */
function zoneAtEleven() {
  let offset = (11 - new Date().getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  const shift = offset * 3_600_000;
  return {
    TZ: offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`,
    /** The local day `days` from today, yyyy-mm-dd. */
    day: (days = 0) => new Date(Date.now() + shift + days * 86_400_000).toISOString().slice(0, 10),
  };
}

test.describe('at 11 in the morning', () => {
  const zone = zoneAtEleven();
  test.use({ browserEnv: { TZ: zone.TZ } });

  test('overdue and near deadlines and an overdue next meeting are flagged in words and colour, and the Overblik still fits', async ({
    caseSystem,
    page,
  }) => {
    const danish = (iso: string) => iso.split('-').reverse().join('.');
    // A row's date: without the year in this year.
    const short = (iso: string) =>
      iso.slice(0, 4) === zone.day(0).slice(0, 4) ? danish(iso).slice(0, 6) : danish(iso);
    const c = citizen(0);
    await caseSystem.gotoCase(c.caseId);
    const { panel } = caseSystem;
    const { frame } = panel;
    // The case system's next meeting, two days ago (as the page writes it).
    const hostMeeting = page.locator('[data-field="naeste-moede"]').first();
    await hostMeeting.evaluate((el, text) => (el.textContent = text), `${danish(zone.day(-2))} kl. 10:00`);
    const meeting = frame.getByTestId('next-meeting');
    await expect(meeting).toContainText(`Næste møde ${short(zone.day(-2))} kl. 10:00`);
    await expect(meeting.getByTestId('due-badge')).toHaveText('overskredet 2 dage');
    await expect(meeting.getByTestId('due-badge')).toHaveAttribute('data-urgency', 'overdue');
    // Today at 10:00, and it is 11: passed; tomorrow: near.
    await hostMeeting.evaluate((el, text) => (el.textContent = text), `${danish(zone.day(0))} kl. 10:00`);
    await expect(meeting.getByTestId('due-badge')).toHaveText('passeret i dag');
    await hostMeeting.evaluate((el, text) => (el.textContent = text), `${danish(zone.day(1))} kl. 09:00`);
    await expect(meeting.getByTestId('due-badge')).toHaveText('om 1 dag');
    await expect(meeting.getByTestId('due-badge')).toHaveAttribute('data-urgency', 'near');
    await hostMeeting.evaluate((el, text) => (el.textContent = text), `${danish(zone.day(-2))} kl. 10:00`);

    // Deadlines: one overdue, one near (within 3 days), one later.
    await frame.getByRole('button', { name: 'Ny frist' }).click();
    for (const [title, days] of [
      ['Partshøring svar', -1],
      ['Opfølgning', 2],
      ['Revurdering', 10],
    ] as const) {
      await frame.getByLabel('Hvad skal ske').fill(title);
      await frame.getByLabel('Senest').fill(zone.day(days));
      await frame.getByRole('button', { name: 'Tilføj frist' }).click();
      await expect(frame.getByTestId('deadline').filter({ hasText: title })).toHaveCount(1);
    }
    await page.keyboard.press('Escape');
    await expect(frame.getByLabel('Hvad skal ske')).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Ny frist' })).toBeFocused();
    const badge = (title: string) => frame.getByTestId('deadline').filter({ hasText: title }).getByTestId('due-badge');
    await expect(badge('Partshøring svar')).toHaveText('overskredet 1 dag');
    await expect(badge('Opfølgning')).toHaveText('om 2 dage');
    await expect(badge('Revurdering')).toHaveText('om 10 dage');
    // Colour as well as words: red, amber, quiet.
    const background = (title: string) => badge(title).evaluate((el) => getComputedStyle(el).backgroundColor);
    const [red, amber, quiet] = await Promise.all(['Partshøring svar', 'Opfølgning', 'Revurdering'].map(background));
    expect(new Set([red, amber, quiet]).size).toBe(3);
    await expect(badge('Partshøring svar')).toHaveAttribute('data-urgency', 'overdue');
    await expect(badge('Opfølgning')).toHaveAttribute('data-urgency', 'near');
    await expect(badge('Revurdering')).toHaveAttribute('data-urgency', 'later');
    expect(await wcagViolations(panelFrame(page), '[data-testid=summary]')).toEqual([]);

    // Ticked off and removed: neither flagged any more.
    await frame.getByRole('checkbox', { name: /Revurdering/ }).click();
    await expect(badge('Revurdering')).toHaveText('udført');
    await frame.getByRole('button', { name: 'Fjern fristen Revurdering' }).click();
    await expect(frame.getByTestId('deadline')).toHaveCount(2);

    // A typical citizen: that meeting and two deadlines, a contact, and every own field holding 200 characters.
    await frame.getByRole('button', { name: 'Ny kontakt' }).click();
    await frame.getByLabel('Navn', { exact: true }).fill('Dr. Hansen');
    await frame.getByRole('button', { name: 'Tilføj kontakt' }).click();
    await expect(frame.getByTestId('contact')).toHaveCount(1);
    await page.keyboard.press('Escape');
    for (const [i, label] of OWN_FIELDS.entries()) await frame.getByLabel(label, { exact: true }).fill(twoHundred(i));
    await frame.getByLabel(OWN_FIELDS[6]!, { exact: true }).blur();
    const size = await overflow(panelFrame(page));
    test.info().annotations.push({ type: 'typical Overblik height', description: JSON.stringify(size) });
    expect(size.scrollHeight, `${size.scrollHeight} px in ${size.clientHeight} px`).toBeLessThanOrEqual(
      size.clientHeight,
    );
  });
});

test('the "Borgerens data" menu below the Overblik keeps its place while the overview loads', async ({
  caseSystem,
  page,
}) => {
  await caseSystem.gotoCase(citizen(1).caseId);
  const { panel } = caseSystem;
  const menu = panel.frame.getByTestId('citizen-data');
  await expect(menu).toBeVisible();
  await panel.frame.getByRole('tab', { name: 'Noter' }).click();
  await expect(menu).toHaveCount(0);
  const frame = panelFrame(page);
  // Every position the menu is drawn at from here on, each frame.
  await frame.evaluate(() => {
    const tops: number[] = [];
    (window as unknown as { menuTops: number[] }).menuTops = tops;
    const look = () => {
      const box = document.querySelector('[data-testid="citizen-data"]')?.getBoundingClientRect();
      if (box?.height && tops.at(-1) !== Math.round(box.top)) tops.push(Math.round(box.top));
      requestAnimationFrame(look);
    };
    look();
  });
  // A slow machine: the overview's read takes several frames.
  const cdp = await page.context().newCDPSession(frame);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await expect(panel.frame.getByTestId('summary')).toBeVisible();
  await expect(menu).toBeVisible();
  await page.waitForTimeout(300);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const tops = await frame.evaluate(() => (window as unknown as { menuTops: number[] }).menuTops);
  expect(tops, 'the menu was drawn at one place only').toHaveLength(1);
});
