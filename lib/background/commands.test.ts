import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onToggleCommand, registerCommands } from './commands';

/** fakeBrowser has no sidePanel (toolchain notes): the calls are recorded in order here. */
const calls: string[] = [];
let openResult: Promise<void>;

beforeEach(() => {
  fakeBrowser.reset();
  calls.length = 0;
  openResult = Promise.resolve();
  (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = {
    open: vi.fn((options: { tabId: number }) => {
      calls.push(`open ${options.tabId}`);
      return openResult;
    }),
  };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number) => {
    calls.push(`toggle ${tabId}`);
    return Promise.resolve(undefined);
  }) as typeof fakeBrowser.tabs.sendMessage);
});

describe('keyboard commands', () => {
  it('routes toggle-panel to the top frame of the tab it was pressed in', () => {
    const listeners: ((command: string, tab?: { id?: number }) => void)[] = [];
    (fakeBrowser as unknown as { commands: unknown }).commands = {
      onCommand: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) },
    };
    registerCommands();
    listeners[0]!('toggle-panel', { id: 7 });
    listeners[0]!('something-else', { id: 7 });
    listeners[0]!('toggle-panel', undefined);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'toggle-panel' }, { frameId: 0 });
  });

  it("opens the tab's side panel first, synchronously in the gesture's handler, then tells the bridge", () => {
    onToggleCommand(7);
    // Both calls were made before onToggleCommand returned: no await came before open().
    expect(calls).toEqual(['open 7', 'toggle 7']);
  });

  it('leaves a tab that does not want the side panel to its bridge (open is refused there)', async () => {
    openResult = Promise.reject(new Error('No active side panel for tabId: 7'));
    onToggleCommand(7);
    await Promise.resolve();
    expect(calls).toEqual(['open 7', 'toggle 7']);
  });
});
