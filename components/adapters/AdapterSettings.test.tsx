// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Repositories } from '@/lib/repositories';
import { demoAdapter } from '@/lib/host/demo-adapter';
import { translator } from '@/lib/i18n/i18n';
import { AdapterSettings } from './AdapterSettings';

const t = translator('da');
const request = vi.fn<(p: { origins: string[] }) => Promise<boolean>>();
const repository = {
  adapters: { list: vi.fn(() => Promise.resolve([])), save: vi.fn(), remove: vi.fn() },
} as unknown as Repositories;

beforeEach(() => {
  request.mockReset();
  (fakeBrowser as unknown as { permissions: { request: typeof request } }).permissions.request = request;
});
afterEach(cleanup);

function learn(address: string) {
  fireEvent.change(screen.getByLabelText(t('adapters.url')), { target: { value: address } });
  fireEvent.click(screen.getByRole('button', { name: t('adapters.learn') }));
}

describe('AdapterSettings (options page)', () => {
  it('lists the built-in demo case system', async () => {
    render(<AdapterSettings repository={repository} />);
    const row = await screen.findByTestId(`adapter-${demoAdapter.id}`);
    expect(row.textContent).toContain(t('adapters.builtIn'));
  });

  it('refuses an address that is not http(s), and asks for nothing', async () => {
    render(<AdapterSettings repository={repository} />);
    learn('ftp://sag.kommune.dk/');
    expect(await screen.findByText(t('adapters.badUrl'))).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for exactly the origin, and says when the browser refuses it', async () => {
    request.mockResolvedValue(false);
    render(<AdapterSettings repository={repository} />);
    learn('https://sag.kommune.dk/borger/1');
    expect(await screen.findByText(t('adapters.denied', { origin: 'https://sag.kommune.dk' }))).toBeTruthy();
    expect(request).toHaveBeenCalledWith({ origins: ['https://sag.kommune.dk/*'] });
  });

  it('asks the caseworker to approve in the browser while the prompt is open, then says what to do when refused', async () => {
    let answer: (granted: boolean) => void = () => undefined;
    request.mockReturnValue(new Promise<boolean>((resolve) => (answer = resolve)));
    render(<AdapterSettings repository={repository} />);
    learn('https://sag.kommune.dk/borger/1');
    const status = screen.getByTestId('adapter-message');
    await vi.waitFor(() => expect(status.textContent).toBe(t('adapters.asking', { origin: 'https://sag.kommune.dk' })));
    expect(status.textContent).toContain('Godkend adgangen i browserens vindue');
    answer(false);
    await vi.waitFor(() => expect(status.textContent).toContain('»Tillad«'));
    expect(status.textContent).toBe(t('adapters.denied', { origin: 'https://sag.kommune.dk' }));
  });

  it('says why removing a case system failed (a full disk), instead of nothing', async () => {
    const taught = {
      ...demoAdapter,
      id: 'sag.kommune.dk',
      name: 'Fagsystem Nord',
      matches: ['https://sag.kommune.dk/*'],
    };
    const full = {
      adapters: {
        list: vi.fn(() => Promise.resolve([taught])),
        save: vi.fn(),
        remove: vi.fn(() => Promise.reject(new DOMException('over quota', 'QuotaExceededError'))),
      },
    } as unknown as Repositories;
    render(<AdapterSettings repository={full} />);
    fireEvent.click(await screen.findByRole('button', { name: t('adapters.remove', { name: 'Fagsystem Nord' }) }));
    const status = screen.getByTestId('adapter-message');
    await vi.waitFor(() => expect(status.textContent).toBe(t('adapters.failed', { error: t('storage.reason.full') })));
  });

  it('says when there is no open tab to check a case system on', async () => {
    render(<AdapterSettings repository={repository} />);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    fireEvent.click(await screen.findByRole('button', { name: t('adapters.check') }));
    expect(await screen.findByText(t('adapters.checkNoTab', { name: demoAdapter.name }))).toBeTruthy();
  });
});
