// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, unmount } from '../../tests/unit/react-root';
import { useAutosave } from './use-autosave';

const saved: string[] = [];
/** The hook's `change`, as a field's input would call it. */
let typed: ((value: string) => void) | undefined;
const change = (value: string) => typed!(value);

function Field({ onReady }: { onReady: (change: (value: string) => void) => void }) {
  const { change } = useAutosave('', async (value) => void saved.push(value));
  useEffect(() => onReady(change), [onReady, change]);
  return null;
}

beforeEach(() => {
  vi.useFakeTimers();
  render(<Field onReady={(c) => (typed = c)} />);
});
afterEach(async () => {
  await unmount();
  saved.length = 0;
  Reflect.deleteProperty(document, 'visibilityState');
  vi.useRealTimers();
});

describe('an own field saves what the caseworker types (the Overblik, as a draft does)', () => {
  it('within the drafts’ 100 ms of a keystroke', async () => {
    act(() => change('Vil være tømrer'));
    await act(() => vi.advanceTimersByTimeAsync(99));
    expect(saved).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(saved).toEqual(['Vil være tømrer']);
  });

  it('at once when the page is hidden, which comes before pagehide on a reload or a closed tab', async () => {
    act(() => change('Vil være tømrer'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    expect(saved).toEqual(['Vil være tømrer']);
  });
});
