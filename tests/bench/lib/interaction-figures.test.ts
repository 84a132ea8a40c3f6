import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { keyKind, routeFigures } from './interaction-figures.mjs';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { improvesWithoutHarm } from './stats.mjs';

describe('keyKind (what the interaction bench counts as a key press)', () => {
  it('counts a printable character into a text field as typed, and elsewhere as navigation', () => {
    expect(keyKind({ key: 'a', inText: true })).toBe('typed');
    expect(keyKind({ key: ' ', inText: true })).toBe('typed');
    expect(keyKind({ key: 'æ', inText: true })).toBe('typed');
    // Space on a checkbox, a letter that picks a <select> option: choices, not words.
    expect(keyKind({ key: ' ', inText: false })).toBe('nav');
    expect(keyKind({ key: 'p', inText: false })).toBe('nav');
  });

  it('counts Tab, arrows, Enter and Escape as navigation, in a text field too', () => {
    for (const key of ['Tab', 'ArrowRight', 'Enter', 'Escape', 'Backspace'])
      expect(keyKind({ key, inText: true })).toBe('nav');
  });

  it('counts a chord once, by its main key: the modifier alone is not a press', () => {
    expect(keyKind({ key: 'Shift' })).toBe('modifier');
    expect(keyKind({ key: 'Control', ctrlKey: true })).toBe('modifier');
    expect(keyKind({ key: 'Tab', shiftKey: true })).toBe('nav');
    // Ctrl+Enter, or Ctrl+a in a text field: a command, not typing.
    expect(keyKind({ key: 'Enter', ctrlKey: true, inText: true })).toBe('nav');
    expect(keyKind({ key: 'a', ctrlKey: true, inText: true })).toBe('nav');
  });

  it('does not count a held key’s repeats', () => {
    expect(keyKind({ key: 'a', repeat: true, inText: true })).toBe('modifier');
  });
});

describe('routeFigures (a route’s figures over its rounds)', () => {
  const round = (over: object = {}) => ({
    nav: 40,
    typed: 140,
    clicks: 10,
    wheel: 5,
    scrollPanel: 1000,
    scrollHost: 0,
    ms: 3000,
    noteChars: 1000,
    scripted: { nav: 2, clicks: 4 },
    ...over,
  });

  it('gives the ratios against typing the note by hand, one key per character', () => {
    const f = routeFigures([round()]);
    expect(f.keys).toBe(180);
    expect(f.presses).toBe(190);
    expect(f.keyRatio).toBeCloseTo(0.18);
    expect(f.inputRatio).toBeCloseTo(0.19);
    expect(f.scroll).toBe(1000);
    expect(f.scriptedNav).toBe(2);
    expect(f.scriptedClicks).toBe(4);
  });

  it('takes the median over rounds, and names the counts that varied', () => {
    const f = routeFigures([round({ ms: 1000 }), round({ ms: 3000, wheel: 7 }), round({ ms: 2000 })]);
    expect(f.msMedian).toBe(2000);
    expect(f.msP95).toBeCloseTo(2900);
    expect(f.wheel).toBe(5);
    expect(f.varies).toEqual(['wheel']);
    expect(f.rounds).toBe(3);
  });

  it('the shortcut goal of issue 32: 15 % of a 1,151-character note is 172 presses', () => {
    expect(routeFigures([round({ nav: 26, typed: 146, clicks: 0, noteChars: 1151 })]).inputRatio).toBeLessThanOrEqual(
      0.15,
    );
    expect(routeFigures([round({ nav: 27, typed: 146, clicks: 0, noteChars: 1151 })]).inputRatio).toBeGreaterThan(0.15);
  });

  it('refuses no rounds', () => {
    expect(() => routeFigures([])).toThrow();
  });
});

describe('improvesWithoutHarm (issue 33 goal 4: keep the frame at idle)', () => {
  it('is met when no milestone is later and one is sooner', () => {
    expect(
      improvesWithoutHarm([
        [-5, 3],
        [-60, -20],
      ]),
    ).toBe(true);
  });

  it('is not met when nothing is shown sooner, or one milestone is shown later', () => {
    expect(
      improvesWithoutHarm([
        [-5, 3],
        [-4, 8],
      ]),
    ).toBe(false);
    expect(
      improvesWithoutHarm([
        [2, 9],
        [-60, -20],
      ]),
    ).toBe(false);
  });

  it('cannot tell without finite intervals', () => {
    expect(improvesWithoutHarm([[NaN, NaN]])).toBeNull();
    expect(improvesWithoutHarm([])).toBeNull();
  });
});
