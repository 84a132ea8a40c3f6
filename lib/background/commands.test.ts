import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerCommands } from './commands';

describe('keyboard commands', () => {
  it('routes toggle-panel to the top frame of the tab it was pressed in', async () => {
    const listeners: ((command: string, tab?: { id?: number }) => void)[] = [];
    (fakeBrowser as unknown as { commands: unknown }).commands = {
      onCommand: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) },
    };
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    registerCommands();
    listeners[0]!('toggle-panel', { id: 7 });
    listeners[0]!('something-else', { id: 7 });
    listeners[0]!('toggle-panel', undefined);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(7, { type: 'toggle-panel' }, { frameId: 0 });
  });
});
