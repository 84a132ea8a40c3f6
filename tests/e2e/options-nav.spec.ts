import type { Locator, Page } from '@playwright/test';
import { wcagViolations } from './axe';
import { expect, test } from './fixtures';

const nav = (options: Page, name = 'Indstillinger') => options.getByRole('navigation', { name });

/** The element is at the top of the window (the section was brought there, not merely somewhere on the page). */
async function expectAtTop(target: Locator) {
  await expect(async () => {
    const box = await target.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(box?.y ?? 1e9).toBeLessThan(120);
  }).toPass();
}

test('options page: a side menu of sections, the #hash picks one, keyboard-operable, axe-clean; the language follows a change made in another page', async ({
  openOptions,
  context,
}) => {
  const first = await openOptions();
  const options = await context.newPage();
  await options.goto(first.url().replace(/#.*$/, '') + '#sagssystemer');
  await first.close();

  // The address names a section: it is brought to the top, its heading has focus, its link is the current place.
  const menu = nav(options);
  await expect(menu.getByRole('link')).toHaveText([
    'Borgere',
    'Noter',
    'Data og sikkerhed',
    'Pakker',
    'Skabeloner',
    'Tidsbesparelse',
    'Sagssystemer',
    'Dig og varsler',
  ]);
  await expect(options.locator('#adapters-heading')).toBeFocused();
  // Still in view once the sections above have loaded their lists (near the page's end: not at the very top).
  await expect(options.getByTestId('caseload-count')).toBeAttached();
  await expect(options.getByTestId('installed-pack').first()).toBeAttached();
  await expect(options.locator('#adapters-heading')).toBeInViewport();
  await expect(menu.getByRole('link', { name: 'Sagssystemer' })).toHaveAttribute('aria-current', 'location');

  // By keyboard alone: Tab to the menu's link, Enter: the section, focus on its heading, the address follows.
  await menu.getByRole('link', { name: 'Noter' }).focus();
  await options.keyboard.press('Tab');
  await expect(menu.getByRole('link', { name: 'Data og sikkerhed' })).toBeFocused();
  await options.keyboard.press('Tab');
  await options.keyboard.press('Enter');
  await expect(options).toHaveURL(/#pakker$/);
  await expect(options.locator('#packs-heading')).toBeFocused();
  await expectAtTop(options.locator('#packs-heading'));
  await expect(menu.getByRole('link', { name: 'Pakker' })).toHaveAttribute('aria-current', 'location');
  await expect(menu.getByRole('link', { name: 'Sagssystemer' })).not.toHaveAttribute('aria-current', /.*/);

  // The same link again, after scrolling away: back to the section.
  await options.mouse.wheel(0, 3000);
  await menu.getByRole('link', { name: 'Pakker' }).click();
  await expectAtTop(options.locator('#packs-heading'));

  // The browser's back button goes back to the section before.
  await options.goBack();
  await expect(options.locator('#adapters-heading')).toBeFocused();
  await expect(menu.getByRole('link', { name: 'Sagssystemer' })).toHaveAttribute('aria-current', 'location');
  expect(await wcagViolations(options)).toEqual([]);

  // Live language switch: English picked in another Sidevogn page; this page follows without reloading.
  const other = await openOptions();
  await other.getByLabel('Sprog').selectOption('en');
  await expect(nav(options, 'Settings').getByRole('link', { name: 'Case systems' })).toHaveAttribute(
    'aria-current',
    'location',
  );
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Sidevogn – settings');
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
  expect(await wcagViolations(options)).toEqual([]);
  await other.getByLabel('Language').selectOption('da');
  await expect(nav(options).getByRole('link', { name: 'Data og sikkerhed' })).toBeVisible();
});
