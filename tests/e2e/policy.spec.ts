import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, exportPublicKey, keyFingerprint, signPack } from '@/lib/packs/signing';
import { packSchema } from '@/lib/packs/schema';
import { EXTENSION_ID } from '../harness/chromium.mjs';
import { aTeamPack } from '../fixtures/packs';
import { serviceWorker } from './extension';
import { expect, PASSPHRASE, test } from './fixtures';
import { LockScreen } from './pages/lock';
import { startPackServer } from './pack-server';

// Chromium on Linux reads enterprise policy from this folder for every browser
// on the machine; this project runs after all other tests (playwright.config.ts),
// and its tests one after the other, each with its own policy file.
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'sidevogn-e2e.json');

test.describe.configure({ mode: 'serial' });

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
let keys: CryptoKeyPair;
/** What the organisation's address serves now. */
let served = '';

async function serveVersion(version: string) {
  const pack = packSchema.parse(
    aTeamPack({
      id: 'vesthavn.politik',
      templateTitle: 'Hjemmebesøg (politik)',
      version,
      name: `Team Vesthavn ${version}`,
    }),
  );
  served = JSON.stringify(await signPack(pack, keys));
}

test.beforeAll(async () => {
  keys = await generateSigningKey();
  await serveVersion('1.0.0');
  server = await startPackServer(() => served);
});

test.afterEach(async () => {
  rmSync(POLICY_FILE, { force: true });
  await serveVersion('1.0.0');
});

const IDLE_MINUTES = 3;

test.afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await server?.close();
});

// The policy must be in place before the browser starts (fixtures launch it on first use).
test('enterprise policy installs a signed pack the user cannot remove, and can forbid own packs', async ({
  openOptions,
}) => {
  writePolicy({
    packUrls: [server.url],
    allowUserPacks: false,
    trustedPackKeys: [await exportPublicKey(keys.publicKey)],
  });
  const options = await openOptions();
  const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
  await expect(team).toContainText(`Installeret af din organisation (${server.url})`, { timeout: 15_000 });
  await expect(team.getByRole('button', { name: 'Fjern pakke' })).toHaveCount(0);
  await expect(options.getByText('Din organisation har bestemt, hvilke pakker der bruges.')).toBeVisible();
  await expect(options.getByLabel('Importér pakke (JSON-fil)')).toHaveCount(0);

  // The organisation publishes a new version: "Opdatér nu" takes it into use and says so.
  await team.getByRole('button', { name: 'Opdatér nu' }).click();
  await expect(options.getByTestId('pack-message')).toContainText('Ingen ny version.');
  await serveVersion('1.1.0');
  await team.getByRole('button', { name: 'Opdatér nu' }).click();
  await expect(options.getByTestId('pack-message')).toHaveText('»Team Vesthavn 1.1.0« version 1.1.0 er taget i brug.');
  await expect(team.getByRole('combobox')).toHaveValue('1.1.0');
});

test.describe('lock policy', () => {
  test.use({ setUp: false });

  test('minPassphraseLength refuses a strong passphrase one character short, on set-up; idleLockMinutes locks after its minutes, not the default 15', async ({
    launch,
  }) => {
    // The lock keys: the e2e passphrase has exactly this many characters; 3 idle minutes, not the default 15.
    writePolicy({ idleLockMinutes: IDLE_MINUTES, minPassphraseLength: [...PASSPHRASE].length });
    const context = await launch();
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

test('a policy with one unreadable pin still pins and forbids own packs, and says what is wrong', async ({
  openOptions,
}) => {
  // A 16-digit fingerprint (64 bits) is refused as a pin; before issue 27 it
  // made the whole policy unreadable, and Sidevogn acted as if there were none.
  const shortPin = await keyFingerprint(await exportPublicKey((await generateSigningKey()).publicKey));
  writePolicy({
    packUrls: [server.url],
    allowUserPacks: false,
    trustedPackKeys: [shortPin, 'abc', await exportPublicKey(keys.publicKey)],
  });
  const options = await openOptions();
  // Chromium may hand the extension its policy a moment after start: the page follows it.
  await expect(options.getByText('Din organisation har bestemt, hvilke pakker der bruges.')).toBeVisible({
    timeout: 15_000,
  });
  await expect(options.getByLabel('Importér pakke (JSON-fil)')).toHaveCount(0);
  await expect(options.getByTestId('policy-problems')).toContainText(
    'trustedPackKeys[0]: a 16-digit fingerprint is too short',
  );
  await expect(options.getByTestId('policy-problems')).toContainText('trustedPackKeys[1]: not a P-256 public key');
  // The good pin still works: the signed policy pack is installed.
  const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
  await expect(team).toContainText(`Installeret af din organisation (${server.url})`, { timeout: 15_000 });
});

test('a policy that arrives while Sidevogn runs stops an unsigned pack the caseworker added', async ({
  openOptions,
}) => {
  const options = await openOptions();
  await options.getByLabel('Importér pakke (JSON-fil)').setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(aTeamPack())),
  });
  await options.getByRole('button', { name: 'Installér' }).click();
  const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
  await expect(team).toBeVisible();
  await expect(team.getByTestId('pack-blocked')).toHaveCount(0);

  // IT turns on key pinning; Chromium reloads policy files within seconds.
  writePolicy({ trustedPackKeys: [await exportPublicKey(keys.publicKey)] });
  await expect(team.getByTestId('pack-blocked')).toContainText('only accepts signed packs', { timeout: 30_000 });
  await expect(options.getByLabel('Importér pakke (JSON-fil)')).toBeVisible(); // pinning alone still allows signed user packs
});
