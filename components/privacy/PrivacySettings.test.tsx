// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidevognDb } from '@/lib/db/database';
import type { Repositories } from '@/lib/repositories';
import { translator } from '@/lib/i18n/i18n';
import { PrivacySettings } from './PrivacySettings';

const t = translator('da');
let db: SidevognDb;
const privacy = { eraseAll: vi.fn(), exportBackup: vi.fn(), importBackup: vi.fn() };
const repository = { privacy } as unknown as Repositories;

beforeEach(() => {
  db = new SidevognDb(`privacy-settings-${crypto.randomUUID()}`);
  privacy.eraseAll.mockReset().mockResolvedValue({ citizens: 2, notes: 5 });
  privacy.importBackup.mockReset();
});
afterEach(() => {
  cleanup();
  db.close();
});

const eraseInput = () => screen.getByLabelText(t('options.eraseAll.typeLabel'));
const eraseButton = () => screen.getByRole('button', { name: t('options.eraseAll.button') });

describe('PrivacySettings (options page)', () => {
  it('erases nothing until the confirmation word is typed, and says so', async () => {
    render(<PrivacySettings db={db} repository={repository} />);
    fireEvent.change(eraseInput(), { target: { value: 'slet' } });
    fireEvent.click(eraseButton());
    expect(await screen.findByText(t('options.eraseAll.mismatch'))).toBeTruthy();
    expect(privacy.eraseAll).not.toHaveBeenCalled();
  });

  it('erases all citizen data once the word is typed, reports the count and clears the field', async () => {
    render(<PrivacySettings db={db} repository={repository} />);
    fireEvent.change(eraseInput(), { target: { value: t('options.eraseAll.word') } });
    fireEvent.click(eraseButton());
    await waitFor(() => expect(privacy.eraseAll).toHaveBeenCalledOnce());
    expect(await screen.findByText(t('options.eraseAll.done', { citizens: 2, count: 7 }))).toBeTruthy();
    expect((eraseInput() as HTMLInputElement).value).toBe('');
  });

  it('refuses to load a backup before a file is chosen, without touching the data', async () => {
    render(<PrivacySettings db={db} repository={repository} />);
    fireEvent.click(screen.getByRole('button', { name: t('backup.importButton') }));
    expect(await screen.findByText(t('backup.noFile'))).toBeTruthy();
    expect(privacy.importBackup).not.toHaveBeenCalled();
  });
});
