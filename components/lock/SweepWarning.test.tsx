// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { newDataKey } from '@/lib/crypto/keyring';
import { session } from '@/lib/crypto/session';
import type { SidevognDb } from '@/lib/db/database';
import { resealStragglers, rotateDataKey } from '@/lib/db/keyring-store';
import { translator } from '@/lib/i18n/i18n';
import { render, typeInto } from '../../tests/unit/react-root';
import { LockSettings } from './ChangePassphrase';
import { startRotation } from './rotation';
import { SweepWarning } from './SweepWarning';

vi.mock('@/lib/db/keyring-store', () => ({
  rotateDataKey: vi.fn(() =>
    Promise.resolve({ oldKey: {} as CryptoKey, dataKey: {} as CryptoKey, recoveryKey: 'ABCD-EFGH' }),
  ),
  resealStragglers: vi.fn(),
  unlock: vi.fn(() => Promise.resolve({} as CryptoKey)),
  changePassphrase: vi.fn(),
  renewRecoveryKey: vi.fn(),
}));
vi.mock('@/lib/search/index-store', () => ({ dropSnapshotsSealedUnder: vi.fn(() => Promise.resolve()) }));

const t = translator('da');
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it('a failed re-encryption of what was written in the moment of a key change is said on the page; the retry, while unlocked, uses the key of the moment and says when it worked', async () => {
  vi.useFakeTimers();
  const sweep = vi.mocked(resealStragglers);
  sweep.mockRejectedValueOnce(new DOMException('over quota', 'QuotaExceededError'));
  const page = render(<SweepWarning />);
  await act(() => startRotation({} as SidevognDb, 'gammel', 'ny'));
  expect(page.textContent).toBe('');
  await act(() => vi.advanceTimersByTimeAsync(1_000));
  const warning = () => page.querySelector('[data-testid="sweep-failed"]');
  const full = { reason: t('storage.reason.full') };
  // Locked: no key to write with, so no retry.
  expect(warning()?.textContent).toContain(t('lock.rotation.sweepFailedLocked', full));
  expect(page.querySelector('button')).toBeNull();

  const newKey = await newDataKey();
  await act(() => session.unlock(newKey));
  expect(warning()?.textContent).toContain(t('lock.rotation.sweepFailed', full));
  sweep.mockResolvedValueOnce(0);
  await act(async () => page.querySelector('button')!.click());
  expect(sweep).toHaveBeenCalledTimes(2);
  expect(sweep.mock.calls[1]![2]).toBe(newKey);
  expect(warning()).toBeNull();
  expect(page.textContent).toBe(t('lock.rotation.sweepDone'));
});

/** Fills the change-passphrase form with "new data key" ticked, sends it, and waits until it is done. */
async function changeKey(form: HTMLFormElement) {
  const [old, pass, confirm] = form.querySelectorAll<HTMLInputElement>('input[type="password"]');
  act(() => typeInto(old!, 'gammel'));
  act(() => typeInto(pass!, 'Grøn cykel under æbletræet 42'));
  act(() => typeInto(confirm!, 'Grøn cykel under æbletræet 42'));
  const rotate = form.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
  if (!rotate.checked) act(() => rotate.click());
  act(() => form.requestSubmit());
  await vi.waitFor(() =>
    expect(form.querySelector('button[type="submit"]')?.textContent).toBe(t('lock.change.submit')),
  );
}

it('while that retry is pending, a second new data key is refused, saying why, and nothing is started; once it worked, the key change goes ahead', async () => {
  vi.useFakeTimers();
  vi.mocked(resealStragglers).mockRejectedValueOnce(new DOMException('over quota', 'QuotaExceededError'));
  const page = render(
    <>
      <SweepWarning />
      <LockSettings db={{} as SidevognDb} />
    </>,
  );
  await act(() => startRotation({} as SidevognDb, 'gammel', 'ny'));
  await act(() => vi.advanceTimersByTimeAsync(1_000));
  vi.useRealTimers();
  await act(async () => session.unlock(await newDataKey()));
  const failed = page.querySelector('[data-testid="sweep-failed"]')!;
  expect(failed).not.toBeNull();
  const rotations = vi.mocked(rotateDataKey).mock.calls.length;

  const form = page.querySelector('form')!;
  await changeKey(form);
  expect(form.querySelector('[role="alert"]')?.textContent).toBe(t('lock.change.sweepPending'));
  expect(rotateDataKey).toHaveBeenCalledTimes(rotations);

  vi.mocked(resealStragglers).mockResolvedValueOnce(0);
  await act(async () => failed.querySelector('button')!.click());
  expect(page.textContent).toContain(t('lock.rotation.sweepDone'));
  await changeKey(form);
  expect(rotateDataKey).toHaveBeenCalledTimes(rotations + 1);
});
