import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';
import { citizen } from './demo-data';
import { openOptions, panelFrame, serviceWorker } from './extension';
import { expect, PASSPHRASE, test } from './fixtures';

/**
 * No CPR, name or note text in any console or error log: the host page, the
 * panel frame, the options page and the service worker are all listened to
 * while a caseworker does a day's work, and every context is first shown to
 * reach the collector.
 */

const NOTE_CANARY = 'LOGKANARIE-note-4e1b ryg og søvn';
const TEMPLATE_CANARY = 'LOGKANARIE-skabelon-8d20';
const OVERVIEW_CANARY = 'LOGKANARIE-helbred-c3f9';
const REASON_CANARY = 'LOGKANARIE-grund-71aa';

/** Everything logged in the browser, as text, with where it came from. */
class LogCollector {
  readonly entries: string[] = [];
  private readonly workers = new Set<Worker>();

  constructor(readonly context: BrowserContext) {
    // Every page and every frame in it (the panel is a cross-origin frame in the host page).
    context.on('console', (m) => this.add(`console.${m.type()} ${m.location().url}`, m.text()));
    context.on('weberror', (e) => this.add('page error', `${e.error().message}\n${e.error().stack ?? ''}`));
    for (const w of context.serviceWorkers()) this.watchWorker(w);
    // A service worker stopped when idle comes back as a new one.
    context.on('serviceworker', (w) => this.watchWorker(w));
  }

  private watchWorker(worker: Worker): void {
    if (this.workers.has(worker)) return;
    this.workers.add(worker);
    worker.on('console', (m) => this.add(`worker console.${m.type()}`, m.text()));
  }

  /** Each page is also listened to on its own, for uncaught errors. */
  watchPage(page: Page): void {
    page.on('pageerror', (e) => this.add(`pageerror ${page.url()}`, `${e.message}\n${e.stack ?? ''}`));
  }

  private add(source: string, text: string): void {
    this.entries.push(`${source}: ${text}`);
  }

  text(): string {
    return this.entries.join('\n');
  }

  /** Waits until the collector holds `marker`. */
  async saw(marker: string): Promise<void> {
    await expect.poll(() => this.text(), { message: `the collector saw ${marker}` }).toContain(marker);
  }
}

/** One console message of each kind from a context, and (where there is a page) an uncaught error. */
async function probe(
  collector: LogCollector,
  where: string,
  target: Page | Frame | Worker,
  withError: boolean,
): Promise<void> {
  const marker = `LOGPROBE-${where}-${Date.now()}`;
  // Page, Frame and Worker evaluate alike; TypeScript cannot call the union's overloads.
  const run = (fn: (m: string) => void) => (target as Page).evaluate(fn, marker);
  await run((m) => {
    console.log(`${m}-log`);
    console.warn(`${m}-warn`);
    console.error(`${m}-error`);
  });
  for (const kind of ['log', 'warn', 'error']) await collector.saw(`${marker}-${kind}`);
  if (withError) {
    await run((m) => {
      setTimeout(() => {
        throw new Error(`${m}-uncaught`);
      });
    });
    await collector.saw(`${marker}-uncaught`);
  }
}

test('no CPR, name or note text reaches any console or error log during a day’s work', async ({
  context,
  page,
  caseSystem,
}) => {
  test.slow(); // A long flow through every part of the extension.
  const collector = new LogCollector(context);
  collector.watchPage(page);
  const first = citizen(3);
  const second = citizen(4);

  // The collector hears every context it must: host page, panel frame, service worker.
  await caseSystem.gotoCase(first.caseId, 'journal');
  const { panel } = caseSystem;
  await expect(panel.citizenName).toHaveText(first.name);
  await probe(collector, 'host', page, true);
  await probe(collector, 'panel', panelFrame(page), true);
  await probe(collector, 'worker', serviceWorker(context), false);

  // A note, typed key by key and saved.
  await panel.typeDraft(NOTE_CANARY);
  await panel.frame.getByRole('button', { name: 'Gem note' }).click();
  await expect(panel.note(NOTE_CANARY)).toHaveCount(1);

  // The CPR revealed.
  await panel.cprButton.click();
  await expect(panel.cprButton).toContainText(first.cpr);

  // A checklist started, one item ticked, one not relevant with a reason.
  await panel.startChecklist();
  await panel.frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' }).click();
  await expect(panel.frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' })).toBeChecked();
  await panel.frame.getByRole('button', { name: 'Ikke relevant: Aftaler og næste skridt' }).click();
  await panel.frame.getByPlaceholder('Hvorfor ikke relevant?').fill(REASON_CANARY);
  await panel.frame.getByPlaceholder('Hvorfor ikke relevant?').press('Enter');
  await expect(panel.frame.getByText(`Ikke relevant: ${REASON_CANARY}`)).toBeVisible();

  // A template filled and inserted into the journal (its fields tick the checklist's
  // required items, so no warning), into the field the caseworker chooses.
  await panel.openTemplate('kontakt');
  await panel.field(/Hvad blev oplyst/).pressSequentially(TEMPLATE_CANARY, { delay: 5 });
  await panel.field(/Aftaler og næste skridt/).fill(`Ny samtale. ${first.name}`);
  await panel.insert();
  await panel.chooseTarget('Notat (tekst)');
  await expect(panel.templateStatus).toContainText('indsat');
  await expect(page.locator('#journal-tekst')).toHaveValue(new RegExp(TEMPLATE_CANARY));

  // The overview edited.
  await panel.frame.getByRole('tab', { name: 'Overblik' }).click();
  await panel.frame.getByLabel('Helbred').fill(OVERVIEW_CANARY);
  await panel.frame.getByLabel('Helbred').blur();
  await panel.frame.getByRole('button', { name: 'Ny frist' }).click();
  await panel.frame.getByLabel('Hvad skal ske').fill(`Opfølgning ${first.name}`);
  await panel.frame.getByLabel('Senest').fill('2026-12-01');
  await panel.frame.getByRole('button', { name: 'Tilføj frist' }).click();
  await expect(panel.frame.getByTestId('deadline')).toHaveCount(1);

  // Another citizen, opened in the case system's own navigation, gets a note too.
  await caseSystem.openList();
  await caseSystem.openCitizen(second.name);
  await expect(panel.citizenName).toHaveText(second.name);
  await panel.writeNote(`${NOTE_CANARY} (2)`);
  await probe(collector, 'panel-after-switch', panelFrame(page), true);

  // The caseload in the options page, searched by name and by CPR.
  const options = await openOptions(context);
  collector.watchPage(options);
  await probe(collector, 'options', options, true);
  await expect(options.getByTestId('caseload-count')).toHaveText('2 af 2 borgere');
  await expect(options.getByTestId('caseload-row').first()).toContainText(first.name);
  const search = options.getByLabel('Søg på navn eller CPR');
  await search.fill(second.name);
  await expect(options.getByTestId('caseload-count')).toHaveText('1 af 2 borgere');
  await search.fill(first.cpr);
  await expect(options.getByTestId('caseload-count')).toHaveText('1 af 2 borgere');
  await search.fill('');

  // Back to the first citizen: everything reads back (decrypted) with the logs listening.
  await caseSystem.gotoCase(first.caseId);
  await panel.showNotes();
  await expect(panel.note(NOTE_CANARY)).toHaveCount(1);
  await probe(collector, 'worker-at-end', serviceWorker(context), false);

  const logged = collector.text();
  await test.info().attach('logs.txt', { body: logged, contentType: 'text/plain' });
  const forbidden = [NOTE_CANARY, TEMPLATE_CANARY, OVERVIEW_CANARY, REASON_CANARY, 'LOGKANARIE'];
  for (const c of [first, second]) {
    const digits = c.cpr.replace('-', '');
    forbidden.push(c.cpr, digits, `${digits.slice(0, 6)} ${digits.slice(6)}`, c.name);
    // The family name alone is a name too.
    forbidden.push(c.name.split(' ').at(-1)!);
  }
  for (const text of forbidden) expect(logged, `logs contain «${text}»`).not.toContain(text);
  // The probes were seen, so the silence above is real.
  expect(collector.entries.length).toBeGreaterThanOrEqual(20);
});

/** Runs `expression` in the content script's isolated world ("Sidevogn") of the host page. */
async function inIsolatedWorld(page: Page, expression: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((x) => x.auxData?.type === 'isolated' && x.name === 'Sidevogn')).toBe(true);
  const world = contexts.find((x) => x.auxData?.type === 'isolated' && x.name === 'Sidevogn')!;
  await cdp.send('Runtime.evaluate', { contextId: world.id, expression });
  await cdp.detach();
}

test('error paths log no CPR, name, note text or passphrase either: a failed save, a wrong passphrase, a bad backup; the content script is heard too', async ({
  context,
  page,
  caseSystem,
}) => {
  const collector = new LogCollector(context);
  collector.watchPage(page);
  const c = citizen(5);
  await caseSystem.gotoCase(c.caseId, 'journal');
  const { panel } = caseSystem;
  await expect(panel.citizenName).toHaveText(c.name);
  // The content script's isolated world reaches the collector.
  const marker = `LOGPROBE-isolated-${Date.now()}`;
  await inIsolatedWorld(page, `console.error(${JSON.stringify(marker)})`);
  await collector.saw(marker);
  await probe(collector, 'panel', panelFrame(page), true);

  // A save that fails: every write in the panel's realm refused as over quota.
  await panelFrame(page).evaluate(() => {
    const proto = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['put', 'add']) {
      const original = proto[method]!;
      proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if ((globalThis as { __full?: boolean }).__full !== false)
          throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  await panel.typeDraft(NOTE_CANARY);
  await panel.frame.getByRole('button', { name: 'Gem note' }).click();
  await expect(panel.frame.getByTestId('save-error').first()).toContainText('Der er ikke plads til at gemme.');

  // A wrong passphrase (itself a secret) on the options page.
  const options = await openOptions(context);
  collector.watchPage(options);
  await probe(collector, 'options', options, true);
  const wrongPassphrase = 'LOGKANARIE-forkert-frase-55';
  await options.getByRole('button', { name: 'Lås nu' }).click();
  await options.getByLabel('Adgangskode', { exact: true }).fill(wrongPassphrase);
  await options.getByRole('button', { name: 'Lås op' }).click();
  await expect(options.getByRole('alert')).toHaveText('Forkert adgangskode. Prøv igen.');
  await options.getByLabel('Adgangskode', { exact: true }).fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Lås op' }).click();

  // A "backup" that is really a pasted journal: the CPR and name in a file that is no backup.
  await options.getByLabel('Fil', { exact: true }).setInputFiles({
    name: 'journal.json',
    mimeType: 'application/json',
    buffer: Buffer.from(`{"format":"sidevogn-backup","cpr":"${c.cpr}","name":"${c.name}","note":"${NOTE_CANARY}"`),
  });
  await options.getByLabel('Lås op med').selectOption('passphrase');
  await options.getByLabel('Adgangskode eller gendannelsesnøgle for filen').fill(wrongPassphrase);
  await options.getByRole('button', { name: 'Indlæs', exact: true }).click();
  await expect(options.getByTestId('backup-import-status')).not.toBeEmpty();
  await expect(options.getByTestId('backup-import-status')).not.toContainText('indlæst:');
  await probe(collector, 'worker-at-end', serviceWorker(context), false);

  const logged = collector.text();
  await test.info().attach('logs.txt', { body: logged, contentType: 'text/plain' });
  const digits = c.cpr.replace('-', '');
  for (const text of [NOTE_CANARY, 'LOGKANARIE', wrongPassphrase, c.cpr, digits, c.name, c.name.split(' ').at(-1)!])
    expect(logged, `logs contain «${text}»`).not.toContain(text);
});
