import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_KEYS } from '../storage/keys';
import { setSidePanelWanted, sidePagePath, syncPolicyLayout } from './side-panel';
import { sideTabOf } from '../panel/side-link';

const setOptions = vi.fn((_options: unknown) => Promise.resolve());

beforeEach(() => {
  fakeBrowser.reset();
  setOptions.mockClear();
  (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { setOptions };
});

describe('the side panel per tab', () => {
  it('is enabled for a tab with the side page naming that tab, and disabled again', async () => {
    await setSidePanelWanted(12, true);
    await setSidePanelWanted(12, false);
    expect(setOptions.mock.calls).toEqual([
      [{ tabId: 12, path: 'side.html?tab=12', enabled: true }],
      [{ tabId: 12, enabled: false }],
    ]);
  });

  it('the side page reads back exactly the tab it was given, and nothing from other pages', () => {
    const [pathname, search] = `/${sidePagePath(12)}`.split('?');
    expect(sideTabOf({ pathname: pathname!, search: `?${search}` })).toBe(12);
    expect(sideTabOf({ pathname: '/panel.html', search: '?tab=12' })).toBeUndefined();
    expect(sideTabOf({ pathname: '/side.html', search: '?tab=12x' })).toBeUndefined();
    expect(sideTabOf({ pathname: '/side.html', search: '' })).toBeUndefined();
  });
});

describe("the policy's default layout", () => {
  it('is copied for the bridge when valid, and removed when the policy has none or a bad one', async () => {
    await fakeBrowser.storage.managed.set({ defaultLayout: 'side' });
    await syncPolicyLayout();
    expect(await fakeBrowser.storage.local.get(STORAGE_KEYS.layoutDefault)).toEqual({ layoutDefault: 'side' });

    await fakeBrowser.storage.managed.set({ defaultLayout: 'sidebar' });
    await syncPolicyLayout();
    expect(await fakeBrowser.storage.local.get(STORAGE_KEYS.layoutDefault)).toEqual({});

    await fakeBrowser.storage.managed.set({ defaultLayout: 'overlay' });
    await syncPolicyLayout();
    await fakeBrowser.storage.managed.clear();
    await syncPolicyLayout();
    expect(await fakeBrowser.storage.local.get(STORAGE_KEYS.layoutDefault)).toEqual({});
  });
});
