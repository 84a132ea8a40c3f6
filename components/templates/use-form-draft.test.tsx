// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '@/lib/repositories';
import type { FormValues } from '@/lib/templates/form';
import { renderSettled } from '../../tests/unit/react-root';
import { useFormDraft } from './use-form-draft';

type Draft = ReturnType<typeof useFormDraft>;

/** The form drafts a template form reads and writes; the deletion waits until `finishDiscard`. */
function fakeRepository() {
  let finishDiscard = () => {};
  const formDrafts = {
    get: vi.fn(() => Promise.resolve(undefined)),
    save: vi.fn((_citizen: string, _template: string, _values: FormValues) => Promise.resolve()),
    discard: vi.fn(() => new Promise<void>((resolve) => (finishDiscard = resolve))),
  };
  return { repository: { formDrafts } as unknown as Repositories, formDrafts, finishDiscard: () => finishDiscard() };
}

let draft: Draft;
function Form({ repository, onRender }: { repository: Repositories; onRender(d: Draft): void }) {
  const d = useFormDraft(repository, 'c'.repeat(32), 'samtale', () => ({ oplyst: '' }));
  useEffect(() => {
    onRender(d);
  });
  return null;
}

async function mount(repository: Repositories) {
  await renderSettled(<Form repository={repository} onRender={(d) => (draft = d)} />);
  expect(draft.values).toEqual({ oplyst: '' });
}
const type = (value: string) => act(() => draft.set('oplyst', value));

/** The form after the caseworker typed and pressed insert: the values as inserted. */
async function typedAndInserted() {
  const fake = fakeRepository();
  await mount(fake.repository);
  type('Borgeren ringede.');
  return { fake, inserted: draft.values! };
}

beforeEach(() => {
  draft = undefined as unknown as Draft;
});

describe('a template form after its note was inserted', () => {
  it('starts again when the form still holds what was inserted', async () => {
    const { fake, inserted } = await typedAndInserted();
    let reset: Promise<boolean> | undefined;
    act(() => void (reset = draft.discard(inserted)));
    await act(async () => fake.finishDiscard());
    expect(await reset).toBe(true);
    expect(draft.values).toEqual({ oplyst: '' });
    expect(fake.formDrafts.discard).toHaveBeenCalledTimes(1);
  });

  it('keeps what the caseworker typed while the draft was deleted, and saves it', async () => {
    const { fake, inserted } = await typedAndInserted();
    let reset: Promise<boolean> | undefined;
    act(() => void (reset = draft.discard(inserted)));
    type('Næste samtale: ');
    await act(async () => fake.finishDiscard());
    expect(await reset).toBe(false);
    expect(draft.values).toEqual({ oplyst: 'Næste samtale: ' });
    await act(() => draft.flush());
    expect(fake.formDrafts.save).toHaveBeenLastCalledWith('c'.repeat(32), 'samtale', { oplyst: 'Næste samtale: ' });
  });

  it('deletes nothing when the form changed before the deletion began', async () => {
    const { fake, inserted } = await typedAndInserted();
    type('Borgeren ringede. Og mødte op.');
    expect(await act(() => draft.discard(inserted))).toBe(false);
    expect(fake.formDrafts.discard).not.toHaveBeenCalled();
    expect(draft.values).toEqual({ oplyst: 'Borgeren ringede. Og mødte op.' });
  });
});

describe('keep: whether the values on screen are kept as a draft, said only once written', () => {
  it('is "kept" once the write is done, even when the form leaving started it', async () => {
    const fake = fakeRepository();
    let finishSave = () => {};
    fake.formDrafts.save.mockImplementation(() => new Promise<void>((resolve) => (finishSave = resolve)));
    await mount(fake.repository);
    type('Borgeren ringede.');
    // The form leaving (another citizen on the page) starts the write; keep comes a moment later.
    void draft.flush();
    let kept: unknown;
    const keeping = draft.keep().then((k) => (kept = k));
    await act(async () => undefined);
    expect(kept).toBeUndefined();
    await act(async () => finishSave());
    await keeping;
    expect(kept).toBe('kept');
  });

  it('is why not when the write fails, and "none" with nothing typed and no draft', async () => {
    const fake = fakeRepository();
    await mount(fake.repository);
    expect(await act(() => draft.keep())).toBe('none');
    fake.formDrafts.save.mockRejectedValue(new DOMException('over quota', 'QuotaExceededError'));
    type('Borgeren ringede.');
    expect(await act(() => draft.keep())).toEqual({ kind: 'quota' });
  });
});
