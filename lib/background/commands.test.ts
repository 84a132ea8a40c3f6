import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onFocusCommand, onToggleCommand, registerCommands } from './commands';

/** fakeBrowser has no sidePanel (toolchain notes): the calls are recorded in order here. */
const calls: string[] = [];
let openResult: Promise<void>;
/** What the field script answers to the focus command: true when the page has no panel frame. */
let focusAnswer: unknown;

beforeEach(() => {
  fakeBrowser.reset();
  calls.length = 0;
  openResult = Promise.resolve();
  focusAnswer = undefined;
  (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = {
    open: vi.fn((options: { tabId: number }) => {
      calls.push(`open ${options.tabId}`);
      return openResult;
    }),
  };
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, message: { type: string }) => {
    calls.push(`${message.type === 'toggle-panel' ? 'toggle' : message.type} ${tabId}`);
    return Promise.resolve(message.type === 'focus-panel' ? focusAnswer : undefined);
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

  it('routes focus-panel to the top frame of the tab it was pressed in, beside toggle-panel', () => {
    const listeners: ((command: string, tab?: { id?: number }) => void)[] = [];
    (fakeBrowser as unknown as { commands: unknown }).commands = {
      onCommand: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) },
    };
    registerCommands();
    listeners[0]!('focus-panel', { id: 9 });
    listeners[0]!('focus-panel', undefined);
    listeners[0]!('toggle-panel', { id: 9 });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenNthCalledWith(1, 9, { type: 'focus-panel' }, { frameId: 0 });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenNthCalledWith(2, 9, { type: 'toggle-panel' }, { frameId: 0 });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('focus: opens the side panel synchronously in the gesture, then asks the field script to move focus', async () => {
    onFocusCommand(7);
    expect(calls).toEqual(['open 7', 'focus-panel 7']);
    await new Promise((r) => setTimeout(r));
    // The page had a panel frame (the answer was not true): nothing to unfold.
    expect(calls).toEqual(['open 7', 'focus-panel 7']);
  });

  it('focus: a page with no panel frame (folded since it loaded) gets the toggle, which unfolds it', async () => {
    focusAnswer = true;
    openResult = Promise.reject(new Error('No active side panel for tabId: 7'));
    onFocusCommand(7);
    await new Promise((r) => setTimeout(r));
    expect(calls).toEqual(['open 7', 'focus-panel 7', 'toggle 7']);
  });

  it('focus: a tab without the content script (not a case system) is left alone', async () => {
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValueOnce(new Error('Receiving end does not exist'));
    onFocusCommand(7);
    await new Promise((r) => setTimeout(r));
    expect(calls).toEqual(['open 7']);
  });
});
