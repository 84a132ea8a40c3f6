import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openOwnPage } from './open-page';

afterEach(() => vi.restoreAllMocks());

describe('openOwnPage', () => {
  it('opens the page with its query, and answers null once the tab is there', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    expect(await openOwnPage('/access.html', { citizen: 'k 1', print: '1' })).toBeNull();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/access\.html\?citizen=k\+1&print=1$/) });
  });

  it('answers why, when the browser does not open the tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValue(new Error('Tabs cannot be edited right now.'));
    expect(await openOwnPage('/summary.html', { citizen: 'k' })).toBe('Tabs cannot be edited right now');
  });
});
