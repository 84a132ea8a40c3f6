// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { newDataKey } from '@/lib/crypto/keyring';
import { session } from '@/lib/crypto/session';
import type { NoteRecord } from '@/lib/db/records';
import { translator } from '@/lib/i18n/i18n';
import { render, renderSettled, unmount } from '../../tests/unit/react-root';
import { useUndoDelete } from './UndoToast';

const t = translator('da');
const note: NoteRecord = { id: 'n1', citizenKey: 'a'.repeat(32), body: 'Noten', createdAt: 1, updatedAt: 1 };
afterEach(() => vi.restoreAllMocks());

function Notes({ citizenKey, restore }: { citizenKey: string; restore(n: NoteRecord): Promise<void> }) {
  const { onDeleted, element } = useUndoDelete(citizenKey, restore);
  return (
    <>
      <button type="button" onClick={() => onDeleted(note)}>
        slet
      </button>
      {element}
    </>
  );
}

const failed = () => document.querySelector('[data-testid="undo-failed"]');
const click = (name: string) =>
  act(async () => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!.click());

it('a failed undo outlives the notes view, shows only for its citizen, and is dropped when Sidevogn locks', async () => {
  await session.unlock(await newDataKey());
  const restore = vi.fn(() => Promise.reject(new DOMException('over quota', 'QuotaExceededError')));
  render(<Notes citizenKey={note.citizenKey} restore={restore} />);
  await click('slet');
  await click(t('common.undo'));
  expect(failed()?.textContent).toContain(t('notes.undoFailed', { reason: t('storage.reason.full') }));

  // Another tab (the view goes) and back; another citizen's notes do not show it.
  await unmount();
  await renderSettled(<Notes citizenKey={'b'.repeat(32)} restore={restore} />);
  expect(failed()).toBeNull();
  await unmount();
  await renderSettled(<Notes citizenKey={note.citizenKey} restore={restore} />);
  expect(failed()).not.toBeNull();

  await act(() => session.lock());
  expect(failed()).toBeNull();
});
