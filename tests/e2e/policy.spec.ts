import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, exportPublicKey, signPack } from '@/lib/packs/signing';
import { packSchema } from '@/lib/packs/schema';
import { EXTENSION_ID } from '../harness/chromium.mjs';
import { aTeamPack } from '../fixtures/packs';
import { serviceWorker } from './extension';
import { expect, PASSPHRASE, test } from './fixtures';
import { LockScreen } from './pages/lock';
import { startPackServer } from './pack-server';

// Chromium on Linux reads enterprise policy from this folder for every browser
// on the machine; this project runs after all other tests (playwright.config.ts).
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'sidevogn-e2e.json');

function writePolicy(values: Record<string, unknown>) {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
  } catch {
    throw new Error(`This test writes a Chromium policy file in ${POLICY_DIR}; run it as root (CI does).`);
  }
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: values } } }));
}

let server: Awaited<ReturnType<typeof startPackServer>>;

// The policy must be in place before the browser starts (fixtures launch it).
test.beforeAll(async () => {
  const keys = await generateSigningKey();
  const pack = packSchema.parse(aTeamPack({ id: 'vesthavn.politik', templateTitle: 'Hjemmebesøg (politik)' }));
  const signed = await signPack(pack, keys);
  server = await startPackServer(() => JSON.stringify(signed));
  writePolicy({
    packUrls: [server.url],
    allowUserPacks: false,
    trustedPackKeys: [await exportPublicKey(keys.publicKey)],
    // The lock keys: the e2e passphrase has exactly this many characters; 3 idle minutes, not the default 15.
    idleLockMinutes: IDLE_MINUTES,
    minPassphraseLength: [...PASSPHRASE].length,
  });
});

const IDLE_MINUTES = 3;

test.afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await server?.close();
});

test('enterprise policy installs a signed pack the user cannot remove, and can forbid own packs', async ({
  openOptions,
}) => {
  const options = await openOptions();
  const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
  await expect(team).toContainText(`Installeret af din organisation (${server.url})`, { timeout: 15_000 });
  await expect(team.getByRole('button', { name: 'Fjern pakke' })).toHaveCount(0);
  await expect(options.getByText('Din organisation har bestemt, hvilke pakker der bruges.')).toBeVisible();
  await expect(options.getByLabel('Importér pakke (JSON-fil)')).toHaveCount(0);
});

test.describe('lock policy', () => {
  test.use({ setUp: false });

  test('minPassphraseLength refuses a strong passphrase one character short, on set-up; idleLockMinutes locks after its minutes, not the default 15', async ({
    context,
  }) => {
    const min = [...PASSPHRASE].length;
    expect(min).toBeGreaterThan(12);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    const lock = new LockScreen(options);
    await expect(lock.setUpHeading).toBeVisible();
    await expect(options.getByText(`Mindst ${min} tegn.`)).toBeVisible();
    // Strong and long enough for the default 12, one short of the policy.
    const short = 'Rød cykel under pæretræet 72';
    expect([...short].length).toBe(min - 1);
    await lock.passphrase.fill(short);
    await lock.confirm.fill(short);
    await options.getByRole('button', { name: 'Gem adgangskode' }).click();
    await expect(lock.error).toHaveText(`Adgangskoden skal have mindst ${min} tegn.`);
    await expect(lock.recoveryKey).toHaveCount(0);
    await lock.setUp(PASSPHRASE);

    await expect(options.getByText(`Sidevogn låser efter ${IDLE_MINUTES} minutter uden aktivitet`)).toBeVisible();
    // The last activity one minute past the policy's limit, well inside the default 15.
    const idleMs = (IDLE_MINUTES + 1) * 60_000;
    await serviceWorker(context).evaluate(
      (ms) =>
        (
          globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }
        ).chrome.storage.session.set({ lastActivityAt: Date.now() - ms }),
      idleMs,
    );
    await expect(lock.lockedHeading).toBeVisible();
  });
});
