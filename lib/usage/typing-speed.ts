import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';
import { DEFAULT_CHARS_PER_MINUTE, MAX_CHARS_PER_MINUTE, MIN_CHARS_PER_MINUTE } from './stats';

/**
 * The typing speed time saved is counted with, in characters a minute: a
 * preference in chrome.storage.local. The key is kept here, not in
 * lib/storage/keys.ts, whose keys are all bundled into the size-limited
 * bridge, which never reads this one.
 */
export const TYPING_SPEED_KEY = 'usageCharsPerMinute';

export const charsPerMinuteSchema = lazySchema(() =>
  z.number().int().min(MIN_CHARS_PER_MINUTE).max(MAX_CHARS_PER_MINUTE),
);

export async function loadCharsPerMinute(): Promise<number> {
  const stored = await browser.storage.local.get(TYPING_SPEED_KEY);
  return charsPerMinuteSchema.catch(DEFAULT_CHARS_PER_MINUTE).parse(stored[TYPING_SPEED_KEY]);
}

export async function saveCharsPerMinute(value: number): Promise<void> {
  await browser.storage.local.set({ [TYPING_SPEED_KEY]: charsPerMinuteSchema.parse(value) });
}

/** Changes in any Sidevogn page (the options page sets it, the panel shows it). */
export function onCharsPerMinuteChange(listener: (value: number) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && TYPING_SPEED_KEY in changes)
      listener(charsPerMinuteSchema.catch(DEFAULT_CHARS_PER_MINUTE).parse(changes[TYPING_SPEED_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
