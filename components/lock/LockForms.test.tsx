// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SidevognDb } from '@/lib/db/database';
import { DEFAULT_LOCK_POLICY } from '@/lib/crypto/policy';
import { resetPassphrase, setUpEncryption } from '@/lib/db/keyring-store';
import { createKeyring } from '@/lib/crypto/keyring';
import { render, typeInto as type } from '../../tests/unit/react-root';
import { SetUpForm, UnlockForm } from './LockForms';

vi.mock('@/lib/crypto/keyring', async (actual) => {
  const real = await actual<typeof import('@/lib/crypto/keyring')>();
  return { ...real, createKeyring: vi.fn(real.createKeyring) };
});
vi.mock('@/lib/db/keyring-store', async (actual) => ({
  ...(await actual<typeof import('@/lib/db/keyring-store')>()),
  setUpEncryption: vi.fn(),
  resetPassphrase: vi.fn(),
}));

const strong = 'Grøn cykel under æbletræet 42'; // 29 characters, strong

/** Fills the new passphrase twice and sends the form. */
function send(host: HTMLElement) {
  const [passphrase, confirm] = [...host.querySelectorAll<HTMLInputElement>('input[type="password"]')];
  act(() => type(passphrase!, strong));
  act(() => type(confirm!, strong));
  act(() => host.querySelector('form')!.requestSubmit());
}

/** Sends the new passphrase, and waits for the form's error line to say `refusal`. */
async function sendNewPassphrase(host: HTMLElement, refusal: string) {
  send(host);
  await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toContain(refusal));
}

const renderSetUp = (policy = DEFAULT_LOCK_POLICY) =>
  render(
    <SetUpForm db={{} as SidevognDb} policy={policy} onCreated={() => undefined} onAlreadySetUp={() => undefined} />,
  );

// Policy asks for 32; the forms were drawn with the default 12, as before the browser's first policy read came.
const policyAsks32 = () =>
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ minPassphraseLength: 32 } as never);

it("set-up refuses a passphrase shorter than policy's minimum, though the form still showed the default when it was sent", async () => {
  policyAsks32();
  const host = renderSetUp();
  await sendNewPassphrase(host, 'mindst 32 tegn');
  expect(setUpEncryption).not.toHaveBeenCalled();
});

it("a new passphrase set with the recovery key is held to policy's minimum in the same way", async () => {
  policyAsks32();
  const host = render(<UnlockForm db={{} as SidevognDb} policy={DEFAULT_LOCK_POLICY} />);
  act(() => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Glemt adgangskoden?')!.click());
  act(() => type(host.querySelector<HTMLInputElement>('input:not([type="password"])')!, 'ABCD-EFGH'));
  await sendNewPassphrase(host, 'mindst 32 tegn');
  expect(resetPassphrase).not.toHaveBeenCalled();
});

it('when policy cannot be read, the minimum the form showed still holds', async () => {
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
  const host = renderSetUp({ ...DEFAULT_LOCK_POLICY, minPassphraseLength: 32 });
  await sendNewPassphrase(host, 'mindst 32 tegn');
  expect(setUpEncryption).not.toHaveBeenCalled();
});

it('set-up derives the key while the policy read is pending (3–6 s after a browser start), and stores that keyring once policy allows', async () => {
  let answer: (policy: object) => void = () => undefined;
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
  vi.mocked(setUpEncryption).mockReturnValue(new Promise(() => undefined));
  vi.mocked(createKeyring).mockClear();
  vi.mocked(setUpEncryption).mockClear();
  const host = renderSetUp();
  send(host);
  // Deriving began; nothing is stored before policy answers.
  expect(createKeyring).toHaveBeenCalledWith(strong);
  const made = vi.mocked(createKeyring).mock.results.at(-1)!.value as ReturnType<typeof createKeyring>;
  await made;
  expect(setUpEncryption).not.toHaveBeenCalled();
  answer({});
  await vi.waitFor(() => expect(setUpEncryption).toHaveBeenCalledOnce());
  const [, passphrase, keyring] = vi.mocked(setUpEncryption).mock.calls[0]!;
  expect(passphrase).toBe(strong);
  expect(keyring).toBe(made);
});
