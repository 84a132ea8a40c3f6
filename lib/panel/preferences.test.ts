// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useLocaleStore } from '../i18n/locale-store';
import { STORAGE_KEYS } from '../storage/keys';
import { applySavedLocale, followSavedLocale, saveLocale } from './preferences';

beforeEach(() => {
  fakeBrowser.reset();
  useLocaleStore.getState().setLocale('da');
  document.documentElement.lang = 'da';
});

describe('live language switch (lib/panel/preferences.ts)', () => {
  it('an open page follows a language saved elsewhere, ignores anything else, and stops when told', async () => {
    const stop = followSavedLocale();
    await saveLocale('en');
    expect(useLocaleStore.getState().locale).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.locale]: 'fr' });
    await fakeBrowser.storage.session.set({ [STORAGE_KEYS.locale]: 'da' });
    expect(useLocaleStore.getState().locale).toBe('en');

    stop();
    await saveLocale('da');
    expect(useLocaleStore.getState().locale).toBe('en');
  });

  it('a page starts in the saved language and then follows it', async () => {
    await saveLocale('en');
    await expect(applySavedLocale()).resolves.toBe('en');
    expect(document.documentElement.lang).toBe('en');
    await saveLocale('da');
    expect(useLocaleStore.getState().locale).toBe('da');
  });
});
