import { describe, expect, it } from 'vitest';
import { guardBackgroundToHost, guardLayout, guardPanelToHost } from '@/lib/messaging/host-guards';
import { backgroundToHostSchema, layoutSchema, panelToHostSchema } from '@/lib/messaging/protocol';

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
    [{ type: 'insert', requestId: 'r1', text: 'x', citizen: '070761-4285' }],
    [{ type: 'insert', requestId: 'r1', text: 'x', citizen: '0707614285' }],
    [{ type: 'insert', requestId: 'r1', text: 'x', citizen: 'Anna' }],
    [{ type: 'insert', requestId: 'r1', text: 'x', citizen: 707614285 }],
  ])('%j', (message) => {
    expect(guardPanelToHost(message) !== undefined).toBe(panelToHostSchema.safeParse(message).success);
  });
});
