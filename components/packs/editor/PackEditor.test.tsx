// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '@/lib/repositories';
import { translator } from '@/lib/i18n/i18n';
import { newPackDraft } from '@/lib/packs/editor/build';
import type { PackDraft } from '@/lib/packs/editor/draft';
import { PackEditor } from './PackEditor';

const t = translator('da');
const packDrafts = {
  get: vi.fn<() => Promise<PackDraft | undefined>>(),
  save: vi.fn<(d: PackDraft) => Promise<void>>(),
  discard: vi.fn(() => Promise.resolve()),
};
const repository = {
  packDrafts,
  packs: { list: () => Promise.resolve([]), version: () => Promise.resolve(undefined) },
  signingKeys: { list: () => Promise.resolve([]), add: vi.fn(), remove: vi.fn() },
} as unknown as Repositories;

beforeEach(() => {
  packDrafts.get.mockReset().mockResolvedValue(undefined);
  packDrafts.save.mockReset().mockResolvedValue(undefined);
});
afterEach(cleanup);

const lastSaved = () => packDrafts.save.mock.calls.at(-1)?.[0];

describe('PackEditor (options page)', () => {
  it('starts a new pack, saves what the team lead types, and adds a template to fill in', async () => {
    render(<PackEditor repository={repository} />);
    fireEvent.click(await screen.findByRole('button', { name: t('editor.start.newButton') }));
    const name = await screen.findByLabelText('Navn', { exact: true });
    fireEvent.change(name, { target: { value: 'Aarhus jobcenter' } });
    await waitFor(() => expect(lastSaved()?.name).toBe('Aarhus jobcenter'), { timeout: 3000 });

    fireEvent.click(screen.getByRole('button', { name: t('editor.template.add') }));
    await waitFor(() => expect(lastSaved()?.templates).toHaveLength(1), { timeout: 3000 });
    expect(screen.getAllByLabelText('Titel', { exact: true })).toHaveLength(1);
  });

  it('marks a required pack field left empty with the reason, once it was left', async () => {
    render(<PackEditor repository={repository} />);
    fireEvent.click(await screen.findByRole('button', { name: t('editor.start.newButton') }));
    const name = await screen.findByLabelText('Navn', { exact: true });
    fireEvent.blur(name);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const reasons = document.getElementById(name.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(within(reasons!).getByText(t('editor.error.empty'))).toBeTruthy();
  });

  it('keeps a loaded draft and discards it only after the question is confirmed', async () => {
    packDrafts.get.mockResolvedValue({ ...newPackDraft('2026-12-06'), name: 'Kladde' });
    render(<PackEditor repository={repository} />);
    expect(((await screen.findByLabelText('Navn', { exact: true })) as HTMLInputElement).value).toBe('Kladde');
    fireEvent.click(screen.getByRole('button', { name: t('editor.discard') }));
    expect(packDrafts.discard).not.toHaveBeenCalled();
    expect(await screen.findByText(t('editor.discardQuestion'))).toBeTruthy();
    const confirm = screen.getAllByRole('button', { name: t('editor.discard') }).at(-1)!;
    fireEvent.click(confirm);
    await waitFor(() => expect(packDrafts.discard).toHaveBeenCalledOnce());
    expect(await screen.findByRole('button', { name: t('editor.start.newButton') })).toBeTruthy();
  });
});
