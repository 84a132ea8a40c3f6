import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startCaseSystem, type CaseSystemServer } from '../case-system/server.mjs';
import { TESTBED_EDITORS, type Testbed } from '../fixtures/testbed';
import { findChromium } from '../harness/chromium.mjs';

/**
 * The editor test bed on its own, without Sidevogn: every page loads its editor
 * from the local npm package (no network), shows its citizen, and its
 * `window.testbed` API reads, saves, counts, undoes and selects what a person
 * types. This proves the bed that editor-matrix.spec.ts judges Sidevogn by.
 */

let server: CaseSystemServer;
let browser: Browser;
test.beforeAll(async () => {
  server = await startCaseSystem();
  browser = await chromium.launch({ executablePath: findChromium() });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !/^(data|blob|about):/.test(r.url())) problems.push(`request: ${r.url()}`);
  });
  await page.goto(`${server.url}${path}`);
  return { page, problems };
}

const bed = <T>(page: Page, fn: (t: Testbed) => T | Promise<T>) =>
  page.evaluate(`(${fn.toString()})(window.testbed)`) as Promise<Awaited<T>>;

test('the test bed lists every editor page', async () => {
  const { page, problems } = await open('/editors/');
  const links = page.locator('#tb-editors a');
  await expect(links).toHaveCount(TESTBED_EDITORS.length);
  for (const editor of TESTBED_EDITORS)
    await expect(page.locator(`#tb-editors a[href="/editors/${editor.name}.html"]`)).toHaveText(editor.title);
  expect(problems).toEqual([]);
  await page.close();
});

for (const editor of TESTBED_EDITORS) {
  test(`test bed: ${editor.name} starts from its npm package and its testbed API works`, async () => {
    const { page, problems } = await open(`/editors/${editor.name}.html`);
    await expect(page.locator('.tb-navn')).toHaveText(editor.citizen.name);
    await expect(page.locator('.tb-cpr')).toHaveText(editor.citizen.cpr);
    await page.waitForFunction(() => window.testbed?.ready);
    await bed(page, (t) => t.ready);
    await expect(page.locator('#tb-status')).toHaveText('Klar');
    expect(await bed(page, (t) => t.editor)).toBe(editor.name);
    expect(await bed(page, (t) => t.read())).toBe('Indledning.');
    expect(await bed(page, (t) => t.changes)).toBe(0);

    // A person clicks into the editor and types one key at the end (key events; one undo step in every editor).
    const frame = editor.click.frame ? page.frameLocator(editor.click.frame) : page;
    await frame.locator(editor.click.selector).click();
    await bed(page, (t) => t.focusEnd());
    await page.keyboard.type('!');
    await expect.poll(() => bed(page, (t) => t.read())).toBe('Indledning.!');
    await expect.poll(() => bed(page, (t) => t.changes)).toBeGreaterThan(0);
    // html() and save() give the editor's own serialisation (entities and all); compare their text.
    const asText = (s: string) =>
      page.evaluate(
        ([s, format]) =>
          format === 'html'
            ? (new DOMParser().parseFromString(s, 'text/html').body.textContent ?? '').replace(/\u00a0/g, ' ')
            : s,
        [s, format] as const,
      );
    const format = await bed(page, (t) => t.format);
    expect(await asText(await bed(page, (t) => t.html()))).toContain('Indledning.!');
    expect(await asText(await bed(page, (t) => t.save()))).toContain('Indledning.!');

    await bed(page, (t) => t.undo());
    await expect.poll(() => bed(page, (t) => t.read())).toBe('Indledning.');

    // select() selects through the editor: typing replaces exactly that text.
    await bed(page, (t) => t.select('Indledning'));
    await page.keyboard.type('Referat');
    await expect.poll(() => bed(page, (t) => t.read())).toBe('Referat.');
    expect(problems).toEqual([]);
    await page.close();
  });
}
