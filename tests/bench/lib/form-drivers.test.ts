import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { FOERSTE_JOBSAMTALE, pressesText, stepLog, stepName } from './form-drivers.mjs';

type Step = { presses: [string, number][] };

describe('where the presses go (the interaction bench’s list per step)', () => {
  it('joins runs of the same press, and counts only navigation keys as keys', () => {
    const log = stepLog();
    log.begin('Deltog en bisidder: Nej');
    log.add('Tab');
    log.add('Tab');
    log.add('Tab');
    log.add('ArrowRight');
    log.begin('Borgerens ønsker til job');
    log.add('Tab');
    log.add('typed', 52);
    log.begin('Visitation');
    log.add('wheel');
    log.add('wheel');
    log.add('click', 2);
    expect(log.steps.map((s: Step) => pressesText(s.presses))).toEqual([
      'Tab×3 ArrowRight',
      'Tab typed 52',
      'wheel×2 click×2',
    ]);
    expect(log.nav()).toBe(5);
    expect(pressesText([])).toBe('–');
  });

  it('names a step by its label, a radio with its option, at most 44 characters', () => {
    expect(stepName(FOERSTE_JOBSAMTALE.steps[0])).toBe('Samtaleform');
    expect(stepName(FOERSTE_JOBSAMTALE.steps[1])).toBe('Deltog en bisidder: Nej');
    expect(stepName({ kind: 'tick', label: 'x'.repeat(60) })).toHaveLength(44);
  });

  it('the required note is keyboard.spec’s: the required fields only, a subset of the full note’s controls', () => {
    const names = new Set(FOERSTE_JOBSAMTALE.steps.map(stepName));
    const extra = FOERSTE_JOBSAMTALE.required.map(stepName).filter((n: string) => !names.has(n));
    expect(extra).toEqual(['Sagsbehandler']);
  });
});
