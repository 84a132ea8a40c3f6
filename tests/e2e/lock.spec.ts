import type { Frame, Page, Worker } from '@playwright/test';
import { EXTENSION_ID } from '../harness/chromium.mjs';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { panelFrame, serviceWorker } from './extension';
import { PASSPHRASE, expect, setUpPassphrase, test } from './fixtures';
import { LockScreen } from './pages/lock';
import type { CaseSystem } from './pages/case-system';

declare const chrome: {
  storage: {
    session: {
      set(items: Record<string, unknown>): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
  alarms: { clear(name: string): Promise<boolean> };
};

/** Another caseworker's activity ended 16 minutes ago (the default policy locks after 15). */
const idleFor16Minutes = (worker: Worker) =>
  worker.evaluate(() => chrome.storage.session.set({ lastActivityAt: Date.now() - 16 * 60_000 }));

/** Every value of every store of the extension's IndexedDB, as text (read with plain indexedDB). */
async function rawDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sidevogn');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const dump: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      dump[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    const decoder = new TextDecoder('utf-8', { fatal: false });
    return JSON.stringify(dump, (_, v: unknown) =>
      v instanceof Uint8Array || v instanceof ArrayBuffer ? decoder.decode(v) : v,
    );
  });
}

async function expectNothingOfTheCitizen(cs: CaseSystem, name: string, cprDigits: string, noteText: string) {
  const text = await panelFrame(cs.page).locator('body').innerText();
  expect(text).not.toContain(name);
  expect(text).not.toContain(cprDigits);
  expect(text).not.toContain(noteText);
}

test.describe('first run', () => {
  test.use({ setUp: false });

  test('set-up in the panel by keyboard shows the recovery key once; at rest there is no note text, CPR or name', async ({
    caseSystem,
    context,
  }) => {
    const c = citizen(2);
    const canary = 'Kanariefugl: borgeren har ondt i lænden';
    await caseSystem.gotoCase(c.caseId);
    const lock = new LockScreen(caseSystem.panel.frame);
    await expect(lock.setUpHeading).toBeVisible();
    // Nothing of the citizen before a passphrase exists.
    await expectNothingOfTheCitizen(caseSystem, c.name, c.cpr.slice(0, 6), canary);
    expect(await wcagViolations(panelFrame(caseSystem.page))).toEqual([]);

    // The button stays where it is when the strength line fills in (a moment after typing).
    const submit = caseSystem.panel.frame.getByRole('button', { name: 'Gem adgangskode' });
    const submitAt = (await submit.boundingBox())!.y;

    // Keyboard only: too short first, then a real passphrase.
    await lock.passphrase.focus();
    await caseSystem.page.keyboard.type('kort');
    await caseSystem.page.keyboard.press('Tab');
    await caseSystem.page.keyboard.type('kort');
    await caseSystem.page.keyboard.press('Enter');
    await expect(lock.error).toHaveText('Adgangskoden skal have mindst 12 tegn.');
    // Long enough but weak (issue 27, item 11): refused, saying why and what to do.
    await lock.passphrase.fill('sommer2026!!');
    await lock.confirm.fill('sommer2026!!');
    await expect(caseSystem.panel.frame.getByText('Styrke: middel, ikke nok endnu')).toBeVisible();
    expect((await submit.boundingBox())!.y).toBe(submitAt);
    await caseSystem.page.keyboard.press('Enter');
    await expect(lock.error).toHaveText(
      'Adgangskoden er for let at gætte. Almindelige danske ord, navne, måneder, årstider og ord fra jobcentret er blandt det første, en angriber prøver. Tilføj et eller to ord mere, gerne ord der ikke hører sammen.',
    );
    await expect(lock.recoveryKey).toHaveCount(0);
    await lock.passphrase.fill('');
    await lock.passphrase.focus();
    await caseSystem.page.keyboard.type(PASSPHRASE);
    await caseSystem.page.keyboard.press('Tab');
    await caseSystem.page.keyboard.press('Tab');
    await lock.confirm.focus();
    await caseSystem.page.keyboard.press('ControlOrMeta+a');
    await caseSystem.page.keyboard.type(PASSPHRASE);
    await caseSystem.page.keyboard.press('Enter');

    await expect(lock.recoveryKey).toHaveText(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    await expect(caseSystem.panel.frame.getByText('heller ikke IT-afdelingen')).toBeVisible();
    expect(await wcagViolations(panelFrame(caseSystem.page))).toEqual([]);
    const continueButton = caseSystem.panel.frame.getByRole('button', { name: 'Fortsæt' });
    await expect(continueButton).toBeDisabled();
    await caseSystem.panel.frame.getByLabel('Jeg har gemt nøglen').focus();
    await caseSystem.page.keyboard.press('Space');
    await continueButton.focus();
    await caseSystem.page.keyboard.press('Enter');

    await expect(caseSystem.panel.citizenName).toHaveText(c.name);
    await caseSystem.panel.writeNote(canary);

    // The key is never shown again: the options page is simply unlocked.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await expect(options.getByRole('button', { name: 'Lås nu' })).toBeVisible();
    await expect(new LockScreen(options).recoveryKey).toHaveCount(0);

    const raw = await rawDatabase(options);
    expect(raw).toContain('"sealed"');
    expect(raw).not.toContain('Kanariefugl');
    expect(raw).not.toContain('lænden');
    expect(raw).not.toContain(c.cpr.slice(0, 6));
    expect(raw).not.toContain(c.name);
    expect(raw).not.toContain(c.name.split(' ')[0]!);
  });
});

test('idle lock hides everything in every page; a wrong passphrase is refused; unlocking shows it again', async ({
  caseSystem,
  context,
}) => {
  const c = citizen(3);
  const text = 'Aftalt møde om fleksjob';
  await caseSystem.gotoCase(c.caseId, 'journal');
  await caseSystem.panel.writeNote(text);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(options.getByRole('button', { name: 'Lås nu' })).toBeVisible();

  // Work in the case system is activity too: 14 minutes without touching Sidevogn, then typing in the journal.
  const worker = serviceWorker(context);
  await worker.evaluate(() => chrome.storage.session.set({ lastActivityAt: Date.now() - 14 * 60_000 }));
  await caseSystem.page.locator('#journal-tekst').pressSequentially('Samtale');
  await expect
    .poll(() =>
      worker.evaluate(
        async () => Date.now() - ((await chrome.storage.session.get('lastActivityAt')).lastActivityAt as number),
      ),
    )
    .toBeLessThan(60_000);

  await idleFor16Minutes(worker);
  const lock = new LockScreen(caseSystem.panel.frame);
  await expect(lock.lockedHeading).toBeVisible();
  await expect(new LockScreen(options).lockedHeading).toBeVisible();
  await expectNothingOfTheCitizen(caseSystem, c.name, c.cpr.slice(0, 6), text);
  expect(await wcagViolations(panelFrame(caseSystem.page))).toEqual([]);
  expect(await wcagViolations(options)).toEqual([]);

  // Keyboard only: the passphrase field has focus.
  await caseSystem.page.keyboard.type('forkert adgangskode');
  await caseSystem.page.keyboard.press('Enter');
  await expect(lock.error).toHaveText('Forkert adgangskode. Prøv igen.');
  await expect(caseSystem.panel.citizenName).toHaveCount(0);

  await lock.passphrase.fill(PASSPHRASE);
  await caseSystem.page.keyboard.press('Enter');
  await expect(caseSystem.panel.citizenName).toHaveText(c.name);
  await caseSystem.panel.showNotes();
  await expect(caseSystem.panel.note(text)).toBeVisible();
  // The options page unlocked with it (one lock for all Sidevogn pages).
  await expect(options.getByRole('button', { name: 'Lås nu' })).toBeVisible();

  // "Lås nu" in the panel locks every page at once.
  await caseSystem.panel.frame.getByRole('button', { name: 'Lås nu' }).click();
  await expect(lock.lockedHeading).toBeVisible();
  await expect(new LockScreen(options).lockedHeading).toBeVisible();
});

test('back after a long pause, a panel that opens and an options page that opens show the lock first, never an unlocked view', async ({
  caseSystem,
  context,
}) => {
  const c = citizen(5);
  await caseSystem.gotoCase(c.caseId);
  await expect(caseSystem.panel.citizenName).toHaveText(c.name);
  // Every page from here records whether it ever drew "Lås nu", which is there only while unlocked.
  await context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:') return;
    const seen = window as { unlockedDrawn?: boolean };
    seen.unlockedDrawn = false;
    new MutationObserver(() => {
      for (const button of document.querySelectorAll('button'))
        if (button.textContent?.trim() === 'Lås nu') seen.unlockedDrawn = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const unlockedDrawn = (frame: Page | Frame) =>
    frame.evaluate(() => (window as { unlockedDrawn?: boolean }).unlockedDrawn);
  // While no Sidevogn page is open (an open one would lock at once on the change), the activity
  // ages past the 15 minutes; the worker's minute alarm is off, so only the page that opens checks.
  const worker = serviceWorker(context);
  await worker.evaluate(() => chrome.alarms.clear('idle-lock'));
  await caseSystem.page.goto('about:blank');
  await idleFor16Minutes(worker);
  await caseSystem.gotoCase(c.caseId);
  const lock = new LockScreen(caseSystem.panel.frame);
  await expect(lock.lockedHeading).toBeVisible();
  expect(await unlockedDrawn(panelFrame(caseSystem.page))).toBe(false);
  await expectNothingOfTheCitizen(caseSystem, c.name, c.cpr.slice(0, 6), c.name);

  // Unlocked again, then the same pause before the options page opens.
  await lock.unlock();
  await expect(caseSystem.panel.citizenName).toHaveText(c.name);
  await caseSystem.page.goto('about:blank');
  await idleFor16Minutes(worker);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await expect(new LockScreen(options).lockedHeading).toBeVisible();
  expect(await unlockedDrawn(options)).toBe(false);
});

test.describe('passphrase and recovery key', () => {
  test.use({ setUp: false });

  test('forgotten passphrase: the recovery key unlocks and sets a new one; the old one is refused', async ({
    caseSystem,
    context,
  }) => {
    const recoveryKey = await setUpPassphrase(context);
    const c = citizen(4);
    const text = 'Notat før glemt kode';
    await caseSystem.gotoCase(c.caseId);
    await caseSystem.panel.writeNote(text);
    await caseSystem.panel.frame.getByRole('button', { name: 'Lås nu' }).click();

    const lock = new LockScreen(caseSystem.panel.frame);
    await caseSystem.panel.frame.getByRole('button', { name: 'Glemt adgangskoden?' }).click();
    const keyField = caseSystem.panel.frame.getByLabel('Gendannelsesnøgle', { exact: true });
    const newPass = 'Mit nye kodeord er lige så langt 7';
    const fillNew = async () => {
      await caseSystem.panel.frame.getByLabel('Ny adgangskode').fill(newPass);
      await lock.confirm.fill(newPass);
      await caseSystem.panel.frame.getByRole('button', { name: 'Lås op og gem ny adgangskode' }).click();
    };
    await keyField.fill('ABCD-EFGH');
    await fillNew();
    await expect(lock.error).toHaveText(/En gendannelsesnøgle har 28 bogstaver og tal/);
    const wrong = recoveryKey.startsWith('A') ? `B${recoveryKey.slice(1)}` : `A${recoveryKey.slice(1)}`;
    await keyField.fill(wrong);
    await fillNew();
    await expect(lock.error).toHaveText('Gendannelsesnøglen passer ikke. Tjek den og prøv igen.');
    expect(await wcagViolations(panelFrame(caseSystem.page))).toEqual([]);
    // Typed sloppily: lower case, spaces instead of dashes.
    await keyField.fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
    await fillNew();
    await caseSystem.panel.showNotes();
    await expect(caseSystem.panel.note(text)).toBeVisible();

    await caseSystem.panel.frame.getByRole('button', { name: 'Lås nu' }).click();
    await lock.unlock(PASSPHRASE);
    await expect(lock.error).toHaveText('Forkert adgangskode. Prøv igen.');
    await lock.unlock(newPass);
    await expect(caseSystem.panel.note(text)).toBeVisible();
  });

  test('changing the passphrase in the options page: the new one unlocks, the old one is refused', async ({
    context,
  }) => {
    await setUpPassphrase(context);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const section = options.getByRole('region', { name: 'Adgangskode og lås' });
    const newPass = 'Et andet langt kodeord med tal 99';
    await section.getByLabel('Nuværende adgangskode').fill('ikke den rigtige kode');
    await section.getByLabel('Ny adgangskode').fill(newPass);
    await section.getByLabel('Gentag adgangskoden').fill(newPass);
    await section.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect(section.getByRole('alert')).toHaveText('Forkert adgangskode. Prøv igen.');
    await section.getByLabel('Nuværende adgangskode').fill(PASSPHRASE);
    await section.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Adgangskoden er skiftet' })).toBeVisible();
    expect(await wcagViolations(options)).toEqual([]);

    await section.getByRole('button', { name: 'Lås nu' }).click();
    const lock = new LockScreen(options);
    await lock.unlock(PASSPHRASE);
    await expect(lock.error).toHaveText('Forkert adgangskode. Prøv igen.');
    await lock.unlock(newPass);
    await expect(options.getByRole('button', { name: 'Lås nu' })).toBeVisible();
  });
});

test.describe('new keys (issue 27, item 12)', () => {
  test.use({ setUp: false });

  test('a new recovery key: the old one is refused, the new one unlocks; a passphrase change with a new data key re-encrypts, and the panel keeps its notes', async ({
    caseSystem,
    context,
  }) => {
    const firstKey = await setUpPassphrase(context);
    const c = citizen(5);
    await caseSystem.gotoCase(c.caseId);
    await caseSystem.panel.writeNote('Notat før de nye nøgler');

    // "Lav ny gendannelsesnøgle" in the options page: the passphrase first.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const renew = options.getByRole('region', { name: 'Gendannelsesnøgle' });
    await renew.getByLabel('Nuværende adgangskode').fill('ikke den rigtige kode');
    await renew.getByRole('button', { name: 'Lav ny gendannelsesnøgle' }).click();
    await expect(renew.getByRole('alert')).toHaveText('Forkert adgangskode. Prøv igen.');
    await renew.getByLabel('Nuværende adgangskode').fill(PASSPHRASE);
    await renew.getByRole('button', { name: 'Lav ny gendannelsesnøgle' }).click();
    const optionsLock = new LockScreen(options);
    await expect(optionsLock.recoveryKey).toHaveText(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    await expect(renew.getByText('Den gamle gendannelsesnøgle virker ikke længere.')).toBeVisible();
    const secondKey = (await optionsLock.recoveryKey.textContent())!;
    expect(secondKey).not.toBe(firstKey);
    expect(await wcagViolations(options)).toEqual([]);
    await renew.getByLabel('Jeg har gemt nøglen').check();
    await renew.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(renew.getByRole('status')).toHaveText(
      'Du har en ny gendannelsesnøgle. Den gamle virker ikke længere.',
    );
    await expect(optionsLock.recoveryKey).toHaveCount(0);

    // At the lock screen the first key is refused; the new one unlocks and sets a passphrase.
    const panel = caseSystem.panel.frame;
    const lock = new LockScreen(panel);
    const viaRecovery = async (key: string, passphrase: string) => {
      await panel.getByLabel('Gendannelsesnøgle', { exact: true }).fill(key);
      await panel.getByLabel('Ny adgangskode').fill(passphrase);
      await lock.confirm.fill(passphrase);
      await panel.getByRole('button', { name: 'Lås op og gem ny adgangskode' }).click();
    };
    const secondPass = 'Anden frase efter den nye nøgle 31';
    await panel.getByRole('button', { name: 'Lås nu' }).click();
    await panel.getByRole('button', { name: 'Glemt adgangskoden?' }).click();
    await viaRecovery(firstKey, secondPass);
    await expect(lock.error).toHaveText('Gendannelsesnøglen passer ikke. Tjek den og prøv igen.');
    await viaRecovery(secondKey, secondPass);
    await caseSystem.panel.showNotes();
    await expect(caseSystem.panel.note('Notat før de nye nøgler')).toBeVisible();

    // A passphrase change with a new data key: everything re-encrypted, a new recovery key shown once.
    const change = options.getByRole('region', { name: 'Adgangskode og lås' });
    const thirdPass = 'Tredje frase med helt ny datanøgle 58';
    await change.getByLabel('Nuværende adgangskode').fill(secondPass);
    await change.getByLabel('Ny adgangskode').fill(thirdPass);
    await change.getByLabel('Gentag adgangskoden').fill(thirdPass);
    await change.getByLabel('Lav også en ny datanøgle, og krypter alle data igen').check();
    await change.getByRole('button', { name: 'Skift adgangskode' }).click();
    await expect(optionsLock.recoveryKey).toHaveText(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/, { timeout: 15_000 });
    const thirdKey = (await optionsLock.recoveryKey.textContent())!;
    await expect(
      options.getByText('alle data er krypteret med en ny nøgle. Brug den nye adgangskode næste gang. Den gamle'),
    ).toBeVisible();
    // Every page is locked until the new recovery key is saved.
    await expect(lock.lockedHeading).toBeVisible();
    await options.getByLabel('Jeg har gemt nøglen').check();
    await options.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(options.getByRole('button', { name: 'Lås nu' })).toBeVisible();

    // The panel switched to the new key with the other pages: old notes open, new ones save.
    await expect(caseSystem.panel.note('Notat før de nye nøgler')).toBeVisible();
    await caseSystem.panel.writeNote('Notat efter den nye datanøgle');
    await expect(caseSystem.panel.note('Notat efter den nye datanøgle')).toBeVisible();

    // The old passphrase and recovery key open nothing; the new ones do.
    await panel.getByRole('button', { name: 'Lås nu' }).click();
    await panel.getByRole('button', { name: 'Glemt adgangskoden?' }).click();
    await viaRecovery(secondKey, 'Endnu en frase der aldrig bliver gemt 12');
    await expect(lock.error).toHaveText('Gendannelsesnøglen passer ikke. Tjek den og prøv igen.');
    await panel.getByRole('button', { name: 'Tilbage til adgangskode' }).click();
    await lock.unlock(secondPass);
    await expect(lock.error).toHaveText('Forkert adgangskode. Prøv igen.');
    await lock.unlock(thirdPass);
    await caseSystem.panel.showNotes();
    await expect(caseSystem.panel.note('Notat før de nye nøgler')).toBeVisible();
    await expect(caseSystem.panel.note('Notat efter den nye datanøgle')).toBeVisible();
    expect(thirdKey).not.toBe(secondKey);
  });
});

test('the key is kept where content scripts cannot read it (storage.session at its default access level)', async ({
  caseSystem,
}) => {
  const c = citizen(1);
  await caseSystem.gotoCase(c.caseId);
  await expect(caseSystem.panel.citizenName).toHaveText(c.name);
  // Evaluate inside the content script's isolated world of the case-system page.
  const cdp = await caseSystem.page.context().newCDPSession(caseSystem.page);
  const contexts: { id: number; name: string; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((x) => x.auxData?.type === 'isolated' && x.name === 'Sidevogn')).toBe(true);
  const world = contexts.find((x) => x.auxData?.type === 'isolated' && x.name === 'Sidevogn')!;
  const result = (await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
    expression: `(async () => {
      const local = await chrome.storage.local.get(null).then(() => 'read', (e) => 'refused');
      const session = await chrome.storage.session.get(null).then((v) => 'read ' + Object.keys(v).join(','), (e) => 'refused: ' + e.message);
      return { local, session };
    })()`,
  })) as { result: { value: { local: string; session: string } } };
  // The same content script can read storage.local, so the refusal is storage.session's access level.
  expect(result.result.value.local).toBe('read');
  expect(result.result.value.session).toMatch(/^refused/);
});

test('the printable summary and the data-access report clear when Sidevogn locks', async ({ caseSystem, context }) => {
  const c = citizen(6);
  await caseSystem.gotoCase(c.caseId);
  await caseSystem.panel.writeNote('Kanarie til udskrift');
  const { frame } = caseSystem.panel;
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  const [summary] = await Promise.all([
    context.waitForEvent('page'),
    frame.getByRole('button', { name: 'Udskriv overblik' }).click(),
  ]);
  // The summary opened in a tab of its own, in front; the caseworker goes back to the case
  // system to use the panel again (a tab behind is not painted, so its clicks can go astray).
  await caseSystem.page.bringToFront();
  await caseSystem.panel.openCitizenDataMenu();
  // By keyboard: in 2 of 4 clean-clone runs a click here left the button focused but fired
  // no click (no page opened); pressing Enter on it opens the page the same way. CI once saw
  // no page after the Enter either (60 s): now the wait says what the menu and the panel showed.
  const hand = frame.getByRole('button', { name: 'Udlever data (udskrift)' });
  await expect(hand).toBeVisible();
  const [access] = await Promise.all([
    context.waitForEvent('page', { timeout: 15_000 }).catch(async (e: Error) => {
      const status = await frame.getByTestId('privacy-status').textContent({ timeout: 1_000 }).catch(String);
      const shown = await hand.isVisible().catch(() => 'unknown');
      throw new Error(`${e.message}\n(button still shown: ${shown}; panel status: "${status}")`);
    }),
    hand.press('Enter'),
  ]);
  await caseSystem.page.bringToFront();
  await expect(summary.getByRole('heading', { level: 1 })).toHaveText(c.name);
  await expect(access.getByTestId('access-note')).toHaveText(/Kanarie til udskrift/);

  await caseSystem.panel.frame.getByRole('button', { name: 'Lås nu' }).click();
  for (const sheet of [summary, access]) {
    await expect(sheet.getByTestId('page-locked')).toHaveText(
      'Sidevogn er låst, og siden er ryddet. Lås op i panelet og åbn den igen.',
    );
    await expect(sheet.locator('body')).not.toContainText(c.name);
    await expect(sheet.locator('body')).not.toContainText('Kanarie');
  }
});
