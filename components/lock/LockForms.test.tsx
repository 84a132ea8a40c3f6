// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SidevognDb } from '@/lib/db/database';
import { DEFAULT_LOCK_POLICY } from '@/lib/crypto/policy';
import { setUpEncryption } from '@/lib/db/keyring-store';
import { SetUpForm } from './LockForms';

vi.mock('@/lib/db/keyring-store', async (actual) => ({
  ...(await actual<typeof import('@/lib/db/keyring-store')>()),
  setUpEncryption: vi.fn(),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

/** Types into a React-controlled field as the browser does: the native setter, then an input event. */
function type(input: HTMLInputElement, text: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

it("set-up refuses a passphrase shorter than policy's minimum, though the form still showed the default when it was sent", async () => {
  // Policy asks for 32; the form was drawn with the default 12, as before the browser's first policy read came.
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ minPassphraseLength: 32 } as never);
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <SetUpForm
        db={{} as SidevognDb}
        policy={DEFAULT_LOCK_POLICY}
        onCreated={() => undefined}
        onAlreadySetUp={() => undefined}
      />,
    ),
  );
  const strong = 'Grøn cykel under æbletræet 42'; // 29 characters, strong
  const [passphrase, confirm] = [...host.querySelectorAll('input')];
  act(() => type(passphrase!, strong));
  act(() => type(confirm!, strong));
  act(() => host.querySelector('form')!.requestSubmit());
  await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toContain('mindst 32 tegn'));
  expect(setUpEncryption).not.toHaveBeenCalled();
});
