import { beforeEach, describe, expect, it } from 'vitest';
import { selectActiveCitizen, usePanelStore } from './panel-store';
import { aCitizen } from '../../tests/fixtures/citizens';

const a = aCitizen();
const b = aCitizen({ cpr: '010190-1234', name: 'Ahmad Rahimi' });

beforeEach(() => {
  usePanelStore.setState({ detection: { status: 'none' }, chosenCpr: null, cprRevealed: false });
});

describe('panel store', () => {
  it('never guesses between several citizens', () => {
    const s = usePanelStore.getState();
    s.setDetection({ status: 'ambiguous', candidates: [a, b] });
    expect(selectActiveCitizen(usePanelStore.getState())).toBeUndefined();
    s.chooseCitizen(b.cpr);
    expect(selectActiveCitizen(usePanelStore.getState())).toEqual(b);
  });

  it('forgets the choice when the chosen citizen leaves the page', () => {
    const s = usePanelStore.getState();
    s.setDetection({ status: 'ambiguous', candidates: [a, b] });
    s.chooseCitizen(b.cpr);
    s.setDetection({ status: 'ambiguous', candidates: [a, aCitizen({ cpr: '020291-4321' })] });
    expect(usePanelStore.getState().chosenCpr).toBeNull();
  });

  it('hides a revealed CPR again when the citizen changes, not on re-reads', () => {
    const s = usePanelStore.getState();
    s.setDetection({ status: 'found', citizen: a });
    s.toggleCprRevealed();
    s.setDetection({ status: 'found', citizen: { ...a, facts: {} } });
    expect(usePanelStore.getState().cprRevealed).toBe(true);
    s.setDetection({ status: 'found', citizen: b });
    expect(usePanelStore.getState().cprRevealed).toBe(false);
  });
});
