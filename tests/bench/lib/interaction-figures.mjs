// The arithmetic of the interaction bench (interaction.mjs): what a key press
// is, and a route's figures over its rounds. Pure, unit-tested in
// interaction-figures.test.ts; keyKind also runs in the pages (its source is
// put into the input probe, lib/input-probe.mjs).
import { median, p95 } from './stats.mjs';

/**
 * One keydown, as the caseworker pressed it: 'modifier' (Shift, Control… on
 * their own: a chord such as Shift+Tab or Ctrl+Enter is one press, counted by
 * its main key), 'typed' (a printable character without Ctrl/Alt/Meta into a
 * text field: the words of the note) or 'nav' (everything else: Tab, arrows,
 * Enter, Escape, Space on a checkbox, a letter that picks a <select> option).
 * A held key's repeats are not presses.
 */
export function keyKind({ key, ctrlKey = false, altKey = false, metaKey = false, repeat = false, inText = false }) {
  if (['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'Fn', 'OS'].includes(key)) return 'modifier';
  if (repeat) return 'modifier';
  const printable = [...key].length === 1 && !ctrlKey && !altKey && !metaKey;
  return printable && inText ? 'typed' : 'nav';
}

/**
 * A route's figures over its rounds. Each round: { nav, typed, clicks,
 * wheel, scrollPanel, scrollHost, ms, noteChars, scripted: { nav, clicks } }
 * (scripted: presses the bench makes where no page can see them, a keyboard
 * command or a click in the browser's own <select> popup, already included in
 * nav and clicks). Counts are the median over rounds (they should not vary);
 * `varies` says whether any did. Ratios are against typing the note by hand,
 * one key per character: keys = (nav + typed) ÷ characters, input = (nav +
 * typed + clicks) ÷ characters, everything the caseworker presses.
 */
export function routeFigures(rounds) {
  if (rounds.length === 0) throw new Error('routeFigures: no rounds');
  const of = (key) => rounds.map((r) => r[key]);
  const fields = ['nav', 'typed', 'clicks', 'wheel', 'scrollPanel', 'scrollHost', 'noteChars'];
  const out = Object.fromEntries(fields.map((f) => [f, median(of(f))]));
  out.varies = fields.filter((f) => new Set(of(f)).size > 1);
  out.keys = out.nav + out.typed;
  out.presses = out.keys + out.clicks;
  out.scroll = out.scrollPanel + out.scrollHost;
  out.keyRatio = out.keys / out.noteChars;
  out.inputRatio = out.presses / out.noteChars;
  out.scriptedNav = median(rounds.map((r) => r.scripted?.nav ?? 0));
  out.scriptedClicks = median(rounds.map((r) => r.scripted?.clicks ?? 0));
  out.msMedian = median(of('ms'));
  out.msP95 = p95(of('ms'));
  out.rounds = rounds.length;
  return out;
}
