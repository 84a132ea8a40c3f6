// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { expect, it, vi } from 'vitest';
import { newDataKey } from '@/lib/crypto/keyring';
import { session } from '@/lib/crypto/session';
import { useThrottledSave } from '@/components/ui/use-throttled-save';
import { render } from '../../tests/unit/react-root';
import { LockNowButton } from './LockGate';

/** A draft typed a moment ago (its throttled write not yet due), and the panel's "Lås nu". */
function TypedJustNow({ save }: { save(text: string): Promise<void> }) {
  const saver = useThrottledSave<string>({ saved: () => undefined, failed: () => undefined });
  useEffect(() => saver.schedule('Husk at spørge til kørekortet', save), [saver, save]);
  return <LockNowButton className="" />;
}

it('"Lås nu" writes what was typed a moment ago before the key goes', async () => {
  await session.unlock(await newDataKey());
  const keyAtWrite: (CryptoKey | null)[] = [];
  const save = async () => void keyAtWrite.push(session.current());
  const page = render(<TypedJustNow save={save} />);
  await act(async () => page.querySelector('button')!.click());
  await vi.waitFor(() => expect(session.current()).toBeNull());
  expect(keyAtWrite).toHaveLength(1);
  expect(keyAtWrite[0]).not.toBeNull();
});

it('a write that hangs does not keep Sidevogn unlocked: it locks after half a second', async () => {
  await session.unlock(await newDataKey());
  vi.useFakeTimers();
  try {
    const page = render(<TypedJustNow save={() => new Promise<void>(() => undefined)} />);
    await act(async () => page.querySelector('button')!.click());
    await act(() => vi.advanceTimersByTimeAsync(500));
    await vi.waitFor(() => expect(session.current()).toBeNull());
  } finally {
    vi.useRealTimers();
  }
});
