// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it } from 'vitest';
import { newDataKey } from '@/lib/crypto/keyring';
import { session } from '@/lib/crypto/session';
import { render, renderSettled, typeInto, unmount } from '../../tests/unit/react-root';
import { forgetKept, useKeptState } from './use-kept-state';

function Field({ keepAs }: { keepAs: string }) {
  const [value, setValue] = useKeptState(keepAs, '');
  return <input value={value} onChange={(e) => setValue(e.target.value)} />;
}
const input = () => document.querySelector('input')!;

it('a half-typed value is there again after the form went away (another tab, another citizen), per key, until Sidevogn locks', async () => {
  await session.unlock(await newDataKey());
  render(<Field keepAs="deadline:anna" />);
  act(() => typeInto(input(), 'Ring til lægen'));
  await unmount();

  render(<Field keepAs="deadline:anna" />);
  expect(input().value).toBe('Ring til lægen');
  // Another citizen's form, in the same component: its own value.
  await renderSettled(<Field keepAs="deadline:bo" />);
  expect(input().value).toBe('');
  await renderSettled(<Field keepAs="deadline:anna" />);
  expect(input().value).toBe('Ring til lægen');
  await unmount();
  // Closed on purpose (or the citizen erased): forgotten.
  forgetKept('deadline:anna');
  render(<Field keepAs="deadline:anna" />);
  expect(input().value).toBe('');
  act(() => typeInto(input(), 'Ring til lægen'));
  await unmount();

  await session.lock();
  render(<Field keepAs="deadline:anna" />);
  expect(input().value).toBe('');
});
