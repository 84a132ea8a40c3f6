import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Adapter } from '../host/adapter';
import type { PickedSelectors, PickerToOptions } from '../messaging/protocol';
import { checkAdapter, draftFrom, onPickerAnswer, parseLearnAddress, startPicking } from './learning';

/** fakeBrowser leaves these unimplemented: each test says what the browser answers. */
const request = vi.fn<(p: { origins: string[] }) => Promise<boolean>>();
const executeScript = vi.fn<(injection: unknown) => Promise<{ result?: unknown }[]>>();
const fake = fakeBrowser as unknown as {
  permissions: { request: typeof request };
  scripting: { executeScript: typeof executeScript };
  tabs: { getCurrent: () => Promise<undefined> };
};

beforeEach(() => {
  request.mockReset();
  executeScript.mockReset().mockResolvedValue([{ result: undefined }]);
  fake.permissions.request = request;
  fake.scripting.executeScript = executeScript;
  fake.tabs.getCurrent = () => Promise.resolve(undefined);
});

const picks: PickedSelectors = {
  cpr: { selector: '#cpr' },
  name: { selector: '#navn' },
  fields: {},
  targets: [
    { selector: '#journal', label: '' },
    { selector: '#note', label: 'Notat' },
    { selector: '#extra', label: '' },
  ],
};

describe('learning a case system (lib/adapters/learning.ts)', () => {
  it('accepts only http(s) addresses', () => {
    expect(parseLearnAddress(' https://sag.kommune.dk/borger/1 ')?.origin).toBe('https://sag.kommune.dk');
    expect(parseLearnAddress('ftp://sag.kommune.dk/')).toBeNull();
    expect(parseLearnAddress('sag.kommune.dk')).toBeNull();
  });

  it('builds a draft for exactly the origin, named after the tab title, with numbered journal labels', () => {
    const draft = draftFrom(picks, new URL('https://Sag.Kommune.dk/borger/1'), 'Borger 1 – KommuneSag', 'Journal');
    expect(draft.id).toBe('sag.kommune.dk');
    expect(draft.name).toBe('KommuneSag');
    expect(draft.matches).toEqual(['https://sag.kommune.dk/*']);
    expect(draft.journal.map((j) => j.label)).toEqual(['Journal', 'Notat', 'Journal 3']);
    expect(draft.citizen).toEqual({ cpr: picks.cpr, name: picks.name, fields: {} });
  });

  it('opens nothing when the origin is refused', async () => {
    request.mockResolvedValue(false);
    const before = (await fakeBrowser.tabs.query({})).length;
    await expect(startPicking(new URL('https://sag.kommune.dk/borger/1'))).resolves.toEqual({ kind: 'denied' });
    expect(request).toHaveBeenCalledWith({ origins: ['https://sag.kommune.dk/*'] });
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('asks for the one origin, opens the page, waits until it has loaded, then injects the picker and shows the tab', async () => {
    request.mockResolvedValue(true);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const started = startPicking(new URL('https://sag.kommune.dk/borger/1'));
    const opened = () => fakeBrowser.tabs.query({ url: 'https://sag.kommune.dk/borger/1' });
    await vi.waitFor(async () => expect(await opened()).toHaveLength(1));
    const [tab] = await opened();
    expect(executeScript).not.toHaveBeenCalled();
    await fakeBrowser.tabs.onUpdated.trigger(tab!.id!, { status: 'complete' }, tab!);
    await expect(started).resolves.toMatchObject({ kind: 'picking', tabId: tab!.id });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: tab!.id }, files: ['/picker.js'] });
    expect(update).toHaveBeenCalledWith(tab!.id, { active: true });
  });

  it("takes the picker's answer only from this extension and the picked tab, and only a well-formed one", async () => {
    const answers: PickerToOptions[] = [];
    const stop = onPickerAnswer(7, (answer) => answers.push(answer));
    const from = (id: string, tabId: number) => ({ id, tab: { id: tabId } }) as Browser.runtime.MessageSender;
    const ok = from(fakeBrowser.runtime.id, 7);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'picker-cancelled' }, from(fakeBrowser.runtime.id, 8));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'picker-cancelled' }, from('other-extension', 7));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'picker-done', picks: { cpr: 1 } }, ok);
    expect(answers).toEqual([]);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'picker-done', picks }, ok);
    expect(answers).toEqual([{ type: 'picker-done', picks }]);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'picker-cancelled' }, ok);
    expect(answers).toHaveLength(1);
  });

  it('checks an adapter on an open tab of its case system, and says when there is none', async () => {
    const adapter: Adapter = {
      id: 'sag',
      name: 'Sag',
      version: 1,
      matches: ['https://sag.kommune.dk/borger/1'],
      spa: true,
      citizen: { cpr: { selector: '#cpr' }, name: { selector: '#navn' }, fields: {} },
      journal: [],
    };
    // fakeBrowser's tabs.query compares URLs literally; the browser matches the adapter's patterns.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce([]);
    await expect(checkAdapter(adapter)).resolves.toBeNull();
    expect(query).toHaveBeenCalledWith({ url: adapter.matches });
    const tab = await fakeBrowser.tabs.create({ url: 'https://sag.kommune.dk/borger/1' });
    query.mockResolvedValueOnce([tab]);
    const found = { cpr: { count: 1, value: '010190-1234', editable: false } };
    executeScript.mockResolvedValue([{ result: found }]);
    await expect(checkAdapter(adapter)).resolves.toEqual({
      id: 'sag',
      url: 'https://sag.kommune.dk/borger/1',
      results: found,
      lastError: undefined,
    });
    expect(executeScript.mock.calls[0]![0]).toMatchObject({ target: { tabId: tab.id } });
  });
});
