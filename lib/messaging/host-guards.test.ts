import { describe, expect, it } from 'vitest';
import {
  guardBackgroundToHost,
  guardLayout,
  guardPanelToHost,
  isBackgroundSender,
  isPanelSender,
  isSidePanelSender,
  isWithinSize,
  type Sender,
} from './host-guards';
import { backgroundToHostSchema, layoutSchema, panelToHostSchema } from './protocol';
import { MAX_MESSAGE_CHARS } from './constants';

/** The content script's hand-written guards must give the zod schemas' verdicts. */

const corpus: unknown[] = [
  { type: 'set-collapsed', collapsed: true },
  { type: 'set-collapsed', collapsed: 'yes' },
  { type: 'set-collapsed' },
  { type: 'set-width', width: 300 },
  { type: 'set-width', width: 900 },
  { type: 'set-width', width: 299 },
  { type: 'set-width', width: 901 },
  { type: 'set-width', width: 400.5 },
  { type: 'set-width', width: '400' },
  { type: 'set-width', width: NaN },
  { type: 'set-mode', mode: 'push' },
  { type: 'set-mode', mode: 'overlay' },
  { type: 'set-mode', mode: 'float' },
  { type: 'set-mode', mode: 'push', extra: '<img onerror=alert(1)>' },
  { type: 'toggle-panel' },
  { type: 'toggle-panel', now: true },
  { type: 'insert', text: 'x' },
  { type: '__proto__' },
  JSON.parse('{"type":"set-collapsed","collapsed":true,"__proto__":{"polluted":1}}'),
  { collapsed: false, width: 400, mode: 'push' },
  { collapsed: false, width: 400, mode: 'push', secret: 1 },
  { collapsed: 1, width: 400, mode: 'push' },
  { collapsed: true, width: 250, mode: 'overlay' },
  [],
  null,
  undefined,
  'set-collapsed',
  42,
];

describe('content-script guards agree with the protocol schemas', () => {
  it.each(corpus.map((m) => [JSON.stringify(m) ?? String(m), m]))('%s', (_label, message) => {
    expect(guardPanelToHost(message) !== undefined).toBe(panelToHostSchema.safeParse(message).success);
    expect(guardBackgroundToHost(message) !== undefined).toBe(backgroundToHostSchema.safeParse(message).success);
    expect(guardLayout(message) !== undefined).toBe(layoutSchema.safeParse(message).success);
  });

  it('returns a fresh object holding only the known fields', () => {
    const raw = { type: 'set-width', width: 500 };
    const guarded = guardPanelToHost(raw);
    expect(guarded).toEqual(raw);
    expect(guarded).not.toBe(raw);
  });
});

describe('insert messages', () => {
  it.each([
    [{ type: 'insert', requestId: 'r1', text: 'Borgeren deltog.' }],
    [{ type: 'insert', requestId: '', text: 'x' }],
    [{ type: 'insert', requestId: 'r'.repeat(65), text: 'x' }],
    [{ type: 'insert', requestId: 'r1', text: '' }],
    [{ type: 'insert', requestId: 'r1', text: 'x'.repeat(100_001) }],
    [{ type: 'insert', requestId: 'r1', text: 42 }],
    [{ type: 'insert', requestId: 'r1', text: 'x', target: '#other' }],
  ])('%j', (message) => {
    expect(guardPanelToHost(message) !== undefined).toBe(panelToHostSchema.safeParse(message).success);
  });
});

/**
 * The content script's receipt checks, one drop reason at a time. Sender shapes
 * are the ones Chromium 156 reports (seen in the e2e run): a port from the panel
 * frame carries id, url and origin but no tab or frame id; a message from the
 * service worker carries its url and no tab.
 */

const ID = 'feohapeeggemacecolfmbiphbdhhjebf';
const OTHER = 'abcdefghijklmnopabcdefghijklmnop';
const panel: Sender = { id: ID, url: `chrome-extension://${ID}/panel.html` };
const worker: Sender = { id: ID, url: `chrome-extension://${ID}/background.js` };

describe("the browser side panel's port (no token: checked by sender)", () => {
  const side: Sender = { id: ID, url: `chrome-extension://${ID}/side.html?tab=12` };

  it('accepts our side page, which is in no tab', () => {
    expect(isSidePanelSender(side, ID)).toBe(true);
  });

  it.each<[string, Sender | undefined]>([
    ['no sender', undefined],
    ['another extension', { id: OTHER, url: `chrome-extension://${OTHER}/side.html?tab=12` }],
    ['our id, another extension origin', { id: ID, url: `chrome-extension://${OTHER}/side.html?tab=12` }],
    // The panel page is web-accessible: a host could frame a copy. It pairs only by token.
    ['the panel page', panel],
    ['the panel page, in a tab', { ...panel, tab: { id: 12 } }],
    // Where Chromium reports the tab. For a port from tabs.connect it reports none (Chromium 156),
    // so the side page also refuses to pair from a tab (lib/panel/side-link.ts; tests/e2e/side-panel.spec.ts).
    ['the side page in a tab (opened as a tab, not the side panel)', { ...side, tab: { id: 12 } }],
    ['the side page without its tab', { id: ID, url: `chrome-extension://${ID}/side.html` }],
    ['the side page with more in its address', { id: ID, url: `chrome-extension://${ID}/side.html?tab=12&x=1` }],
    ['another page', { id: ID, url: `chrome-extension://${ID}/options.html` }],
    ['a web page', { id: ID, url: 'https://sag.example.dk/side.html?tab=12', tab: { id: 12 } }],
  ])('refuses %s', (_, sender) => {
    expect(isSidePanelSender(sender, ID)).toBe(false);
  });
});

describe('ports into the content script', () => {
  it('accepts our panel page', () => {
    expect(isPanelSender(panel, ID)).toBe(true);
  });

  it.each<[string, Sender | undefined]>([
    ['no sender', undefined],
    ['another extension', { ...panel, id: OTHER, url: `chrome-extension://${OTHER}/panel.html` }],
    ['another extension naming our page', { ...panel, id: OTHER }],
    ['our id but another page (options)', { ...panel, url: `chrome-extension://${ID}/options.html` }],
    ['our id but a web page (a content script)', { ...panel, url: 'http://127.0.0.1:5180/borger/S-1' }],
    ['the panel with a query the bridge never set', { ...panel, url: `${panel.url}?evil=1` }],
    ['no url', { id: ID }],
  ])('drops a port from %s', (_reason, sender) => {
    expect(isPanelSender(sender, ID)).toBe(false);
  });
});

describe('runtime messages into the content script', () => {
  it('accepts our service worker', () => {
    expect(isBackgroundSender(worker, ID)).toBe(true);
  });

  it.each<[string, Sender | undefined]>([
    ['no sender', undefined],
    ['another extension', { id: OTHER, url: `chrome-extension://${OTHER}/background.js` }],
    ['a tab (a content script or page of ours in a tab)', { ...worker, tab: { id: 7 } }],
    ['a web page url', { id: ID, url: 'http://127.0.0.1:5180/' }],
    ['no url', { id: ID }],
  ])('drops a message from %s', (_reason, sender) => {
    expect(isBackgroundSender(sender, ID)).toBe(false);
  });
});

describe('size cap', () => {
  it('drops a message over MAX_MESSAGE_CHARS before reading it', () => {
    const big = { type: 'set-collapsed', collapsed: true, pad: 'x'.repeat(MAX_MESSAGE_CHARS) };
    expect(isWithinSize(big)).toBe(false);
    expect(guardPanelToHost(big)).toBeUndefined();
  });

  it('drops what cannot be measured (cycles, BigInt)', () => {
    const cyclic: Record<string, unknown> = { type: 'set-collapsed', collapsed: true };
    cyclic.self = cyclic;
    expect(isWithinSize(cyclic)).toBe(false);
    expect(guardPanelToHost(cyclic)).toBeUndefined();
    expect(isWithinSize({ type: 'set-width', width: 10n })).toBe(false);
  });

  it('keeps the largest well-formed insert', () => {
    const message = { type: 'insert', requestId: 'r1', text: 'x'.repeat(100_000) };
    expect(isWithinSize(message)).toBe(true);
    expect(guardPanelToHost(message)).toEqual(message);
  });
});
