// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '@/lib/repositories';
import { translator, type Locale } from '@/lib/i18n/i18n';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { newPackDraft } from '@/lib/packs/editor/build';
import type { PackDraft } from '@/lib/packs/editor/draft';
import { PackEditor } from './PackEditor';

/** The pack editor for a team lead who is not a programmer (issue 30 item 6). */

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

const aDraft = (): PackDraft => ({
  ...newPackDraft('2026-12-06'),
  id: 'team.vest',
  name: 'Team Vest',
  publisher: 'Team Vest',
});

beforeEach(() => {
  packDrafts.get.mockReset().mockResolvedValue(aDraft());
  packDrafts.save.mockReset().mockResolvedValue(undefined);
});
afterEach(() => {
  cleanup();
  useLocaleStore.setState({ locale: 'da' });
});

const lastSaved = () => packDrafts.save.mock.calls.at(-1)?.[0];

describe('errors after blur', () => {
  const t = translator('da');

  it('an untouched new input is not marked; it is once it loses focus', async () => {
    packDrafts.get.mockResolvedValue(undefined);
    render(<PackEditor repository={repository} />);
    fireEvent.click(await screen.findByRole('button', { name: t('editor.start.newButton') }));
    const name = await screen.findByLabelText('Navn', { exact: true });
    fireEvent.click(screen.getByRole('button', { name: t('editor.template.add') }));
    const title = await screen.findByLabelText('Titel', { exact: true });
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(title.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryAllByTestId('editor-error')).toEqual([]);
    fireEvent.blur(name);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(title.getAttribute('aria-invalid')).toBeNull();
  });

  it('"Eksportér pakke" shows every error and puts focus on the first', async () => {
    render(<PackEditor repository={repository} />);
    fireEvent.click(await screen.findByRole('button', { name: t('editor.template.add') }));
    const title = await screen.findByLabelText('Titel', { exact: true });
    expect(title.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: t('editor.export.button') }));
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(title));
  });
});

describe('"Ny skabelon trin for trin"', () => {
  for (const locale of ['da', 'en'] as Locale[]) {
    it(`takes a team lead from the name to the note text by keyboard, and ends in the ordinary editor (${locale})`, async () => {
      useLocaleStore.setState({ locale });
      const t = translator(locale);
      render(<PackEditor repository={repository} />);
      fireEvent.click(await screen.findByRole('button', { name: t('guide.start') }));
      const guide = await screen.findByTestId('template-guide');
      const step = (n: number, name: string) =>
        within(guide).getByRole('heading', { name: t('guide.step', { n, of: 3, name }) });
      await waitFor(() => expect(document.activeElement).toBe(step(1, t('guide.step1'))));

      // Next with no name: the error shows and the name has focus.
      fireEvent.click(within(guide).getByRole('button', { name: t('guide.next') }));
      const title = within(guide).getByLabelText(t('guide.title'), { exact: true });
      await waitFor(() => expect(document.activeElement).toBe(title));
      expect(title.getAttribute('aria-invalid')).toBe('true');
      fireEvent.change(title, { target: { value: 'Opfølgning i teamet' } });
      fireEvent.click(within(guide).getByLabelText(new RegExp(`^${t('guide.internal')}`)));
      fireEvent.click(within(guide).getByRole('button', { name: t('guide.next') }));

      await waitFor(() => expect(document.activeElement).toBe(step(2, t('guide.step2'))));
      fireEvent.click(within(guide).getByRole('button', { name: t('editor.field.add') }));
      const label = await within(guide).findByLabelText(t('editor.field.label'), { exact: true });
      await waitFor(() => expect(document.activeElement).toBe(label));
      fireEvent.change(label, { target: { value: 'Borgerens ønsker' } });
      expect(await within(guide).findByText('{{borgerens_ønsker}}')).toBeTruthy();
      fireEvent.click(within(guide).getByRole('button', { name: t('guide.next') }));

      await waitFor(() => expect(document.activeElement).toBe(step(3, t('guide.step3'))));
      fireEvent.click(within(guide).getByTitle(t('editor.placeholder.insert', { label: 'Borgerens ønsker' })));
      const body = within(guide).getByLabelText(t('editor.body'), { exact: true }) as HTMLTextAreaElement;
      await waitFor(() => expect(body.value).toBe('{{borgerens_ønsker}}'));
      expect(within(guide).getByTestId('editor-template-preview')).toBeTruthy();
      fireEvent.click(within(guide).getByRole('button', { name: t('guide.done') }));

      await waitFor(() => expect(screen.queryByTestId('template-guide')).toBeNull());
      expect((screen.getByLabelText(t('editor.template.title'), { exact: true }) as HTMLInputElement).value).toBe(
        'Opfølgning i teamet',
      );
      await waitFor(() =>
        expect(lastSaved()?.templates[0]).toMatchObject({
          internal: true,
          body: '{{borgerens_ønsker}}',
          fields: [{ id: 'borgerens_ønsker', label: 'Borgerens ønsker', autoId: false }],
        }),
      );
      // The note text uses the placeholder, so its name stays, and the editor says so.
      const id = screen.getByLabelText(t('editor.field.id'), { exact: true });
      expect(document.getElementById(id.getAttribute('aria-describedby')!)!.textContent).toContain(
        t('editor.field.idFixed'),
      );
    });
  }
});
