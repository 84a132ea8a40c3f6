import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionToBackgroundSchema, parseMessage } from './protocol';
import { sendToBackground } from './runtime';

describe('sendToBackground', () => {
  it('delivers a message the worker accepts under the contract', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
      received.push(parseMessage(extensionToBackgroundSchema, raw));
    });
    await sendToBackground({ type: 'deadlines-changed' });
    expect(received).toEqual([{ type: 'deadlines-changed' }]);
  });

  it('does not fail when no one is listening (the worker asleep)', async () => {
    await expect(sendToBackground({ type: 'deadlines-changed' })).resolves.toBeUndefined();
  });
});
