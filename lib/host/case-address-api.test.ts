// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerCaseAddress, CASE_ADDRESS_QUESTION } from './case-address-api';

type Listener = (raw: unknown, sender: { id?: string; url?: string }, reply: (answer: unknown) => void) => unknown;

function listen(): Listener {
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  answerCaseAddress();
  return add.mock.calls[0]![0] as unknown as Listener;
}

describe('the field script\'s answer to "where is this page?"', () => {
  it("gives the page's address to this extension's pages, and nothing to anyone else", () => {
    const listener = listen();
    const id = fakeBrowser.runtime.id;
    const ours = { id, url: `chrome-extension://${id}/options.html` };
    const ask = (raw: unknown, sender: { id?: string; url?: string }) => {
      const reply = vi.fn();
      listener(raw, sender, reply);
      return reply.mock.calls;
    };
    expect(ask({ type: CASE_ADDRESS_QUESTION }, ours)).toEqual([[location.href]]);
    // Another extension, a page of ours named by another extension's id, a content script, other questions.
    expect(ask({ type: CASE_ADDRESS_QUESTION }, { id: 'other', url: 'chrome-extension://other/x.html' })).toEqual([]);
    expect(ask({ type: CASE_ADDRESS_QUESTION }, { id, url: 'chrome-extension://other/x.html' })).toEqual([]);
    expect(ask({ type: CASE_ADDRESS_QUESTION }, { id, url: 'https://sag.kommune.dk/borger/1' })).toEqual([]);
    expect(ask({ type: 'toggle-panel' }, ours)).toEqual([]);
    expect(ask(null, ours)).toEqual([]);
  });
});
