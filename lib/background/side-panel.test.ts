import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_KEYS } from '../storage/keys';
import { registerSidePanel, setSidePanelWanted, sidePagePath, syncPolicyLayout } from './side-panel';
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

describe("a tab's wish for the side panel", () => {
  type Sender = Parameters<Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]>[1];
  const bridge = (tab: number): Sender => ({ id: fakeBrowser.runtime.id, tab: { id: tab } as never, frameId: 0 });
  const wish = { type: 'side-panel', wanted: true };

  it("is taken only from this extension's bridge in a tab's top frame, for that tab", async () => {
    registerSidePanel();
    await fakeBrowser.runtime.onMessage.trigger(wish, bridge(12));
    expect(setOptions.mock.calls).toEqual([[{ tabId: 12, path: 'side.html?tab=12', enabled: true }]]);
  });

  it.each<[string, unknown, Sender]>([
    ['a frame inside the page', wish, { ...bridge(12), frameId: 3 }],
    ['another extension', wish, { ...bridge(12), id: 'abcdefghijklmnopabcdefghijklmnop' }],
    ['an extension page in no tab (the side panel itself)', wish, { id: fakeBrowser.runtime.id, frameId: 0 }],
    ['a message of another shape', { type: 'side-panel', wanted: 'yes' }, bridge(12)],
    ['a message with more in it', { ...wish, tabId: 7 }, bridge(12)],
  ])('is ignored from %s', async (_, message, sender) => {
    registerSidePanel();
    await fakeBrowser.runtime.onMessage.trigger(message, sender);
    expect(setOptions).not.toHaveBeenCalled();
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
