import { expect, type BrowserContext, type FrameLocator, type Page } from '@playwright/test';
import { EXTENSION_ID } from '../../harness/chromium.mjs';

/** The passphrase the e2e profiles are set up with. */
export const PASSPHRASE = 'Grøn cykel under æbletræet 42';

/** The lock screens (set-up, unlock, recovery) in a page or the panel frame. */
export class LockScreen {
  constructor(readonly root: Page | FrameLocator) {}

  get passphrase() {
    return this.root.getByLabel('Adgangskode', { exact: true });
  }
  get confirm() {
    return this.root.getByLabel('Gentag adgangskoden', { exact: true });
  }
  get recoveryKey() {
    return this.root.getByTestId('recovery-key');
  }
  get lockedHeading() {
    return this.root.getByRole('heading', { name: 'Sidevogn er låst' });
  }
  get setUpHeading() {
    return this.root.getByRole('heading', { name: 'Beskyt borgernes data med en adgangskode' });
  }
  get error() {
    return this.root.getByRole('alert');
  }

  /** First run: passphrase twice, then the recovery key shown once; returns it. */
  async setUp(passphrase = PASSPHRASE): Promise<string> {
    await this.passphrase.fill(passphrase);
    await this.confirm.fill(passphrase);
    await this.root.getByRole('button', { name: 'Gem adgangskode' }).click();
    // The key, or the form's own error: a failed set-up says why instead of timing out.
    const refused = this.root.locator('form', { has: this.confirm }).getByRole('alert').filter({ hasText: /\S/ });
    await expect(this.recoveryKey.or(refused).first())
      .toBeVisible({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        const button = await this.root
          .locator('button[type=submit]')
          .first()
          .textContent({ timeout: 1_000 })
          .catch(() => '(none)');
        throw new Error(`No recovery key within 30 s (the button says "${button}"): ${String(error)}`);
      });
    if (await refused.count()) throw new Error(`Set-up refused: ${await refused.first().textContent()}`);
    const key = (await this.recoveryKey.textContent()) ?? '';
    await this.root.getByLabel('Jeg har gemt nøglen').check();
    await this.root.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(this.recoveryKey).toHaveCount(0);
    return key;
  }

  async unlock(passphrase = PASSPHRASE): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.root.getByRole('button', { name: 'Lås op' }).click();
  }
}

async function inOptionsPage<T>(
  context: BrowserContext,
  work: (lock: LockScreen, page: Page) => Promise<T>,
  id = EXTENSION_ID,
): Promise<T> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  const result = await work(new LockScreen(page), page);
  await page.close();
  return result;
}

/** The caseworker's first run, through the options page; returns the recovery key. */
export function setUpPassphrase(context: BrowserContext, passphrase = PASSPHRASE, id = EXTENSION_ID): Promise<string> {
  return inOptionsPage(
    context,
    async (lock, page) => {
      const key = await lock.setUp(passphrase);
      await expect(page.getByRole('button', { name: 'Lås nu' })).toBeVisible();
      return key;
    },
    id,
  );
}

/** After a browser restart Sidevogn is locked: the caseworker unlocks (in the options page). */
export function unlock(context: BrowserContext, passphrase = PASSPHRASE, id = EXTENSION_ID): Promise<void> {
  return inOptionsPage(
    context,
    async (lock, page) => {
      // The set-up form instead would mean the database came back without its keyring: say so, not time out.
      await expect(lock.lockedHeading.or(lock.setUpHeading)).toBeVisible();
      if (await lock.setUpHeading.isVisible())
        throw new Error(
          `Sidevogn offers its first-run set-up, not the unlock form: the database has lost its keyring (${await storedCounts(page)})`,
        );
      await lock.unlock(passphrase);
      await expect(page.getByRole('button', { name: 'Lås nu' })).toBeVisible();
    },
    id,
  );
}

/** Rows per object store in Sidevogn's database, read directly (for a failure message). */
function storedCounts(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('sidevogn');
        open.onerror = () => resolve(`database does not open: ${open.error?.message}`);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) return resolve(`database version ${db.version} has no stores`);
          const tx = db.transaction(names, 'readonly');
          const counts: string[] = [];
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => counts.push(`${name} ${request.result}`);
          }
          tx.oncomplete = () => resolve(`version ${db.version}: ${counts.join(', ')}`);
          tx.onerror = () => resolve(`reading failed: ${tx.error?.message}`);
        };
      }),
  );
}
