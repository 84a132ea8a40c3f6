// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { newDataKey } from '@/lib/crypto/keyring';
import { session } from '@/lib/crypto/session';
import type { SidevognDb } from '@/lib/db/database';
import { resealStragglers } from '@/lib/db/keyring-store';
import { translator } from '@/lib/i18n/i18n';
import { render } from '../../tests/unit/react-root';
import { startRotation } from './rotation';
import { SweepWarning } from './SweepWarning';

vi.mock('@/lib/db/keyring-store', () => ({
  rotateDataKey: vi.fn(() =>
    Promise.resolve({ oldKey: {} as CryptoKey, dataKey: {} as CryptoKey, recoveryKey: 'ABCD-EFGH' }),
  ),
  resealStragglers: vi.fn(),
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
