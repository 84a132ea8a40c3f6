import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from './constants';
import { hostToPanelSchema, parseMessage } from './protocol';
import { aCitizen } from '../../tests/fixtures/citizens';

describe('host → panel messages', () => {
  it('accepts each detection state', () => {
    for (const detection of [
      { status: 'none' },
      { status: 'unreadable' },
      { status: 'found', citizen: aCitizen() },
      { status: 'ambiguous', candidates: [aCitizen(), aCitizen({ cpr: '010190-1234' })] },
    ]) {
      expect(parseMessage(hostToPanelSchema, { type: 'citizen', detection })).toEqual({ type: 'citizen', detection });
    }
  });

  it('drops a malformed CPR, unknown facts, an ambiguity of one, and unknown types', () => {
    const bad = [
      { type: 'citizen', detection: { status: 'found', citizen: aCitizen({ cpr: '0101901234' }) } },
      { type: 'citizen', detection: { status: 'found', citizen: { ...aCitizen(), facts: { sex: 'K' } } } },
      { type: 'citizen', detection: { status: 'ambiguous', candidates: [aCitizen()] } },
      { type: 'citizen', detection: { status: 'found' } },
      { type: 'notes', notes: [] },
    ];
    for (const message of bad) expect(parseMessage(hostToPanelSchema, message)).toBeUndefined();
  });

  it('drops oversized messages before parsing', () => {
    const name = 'x'.repeat(MAX_MESSAGE_CHARS);
    const message = { type: 'citizen', detection: { status: 'found', citizen: aCitizen({ name }) } };
    expect(parseMessage(hostToPanelSchema, message)).toBeUndefined();
  });

  it('drops values that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = { type: 'layout' };
    cyclic.self = cyclic;
    expect(parseMessage(hostToPanelSchema, cyclic)).toBeUndefined();
  });
});
