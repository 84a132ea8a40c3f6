// Building a module's part of the report: metrics checked against goals,
// tables and plot data. Every module returns the same shape (see run.mjs).
import { median, medianDifference, p95, round, summarize } from './stats.mjs';

/**
 * A figure, optionally with a goal `{ max, text }` (lower is better). The
 * status is 'met' or 'missed' against the goal, 'info' without one.
 */
export function metric({ id, label, value, unit, goal, detail }) {
  const status = !goal ? 'info' : Number.isFinite(value) && value <= goal.max ? 'met' : 'missed';
  return { id, label, value: round(value), unit, goal, status, detail };
}

/** "median (p95)" of a field over samples, for table cells. */
export function cell(values, unit = '') {
  const s = summarize(values);
  if (s.n === 0) return '–';
  return `${fmt(s.median)}${unit} (${fmt(s.p95)}${unit})`;
}

export function fmt(x, digits) {
  if (typeof x === 'string') return x;
  if (!Number.isFinite(x)) return '–';
  return String(round(x, digits));
}

export const pick = (samples, field) => samples.map((s) => (typeof field === 'function' ? field(s) : s[field]));

/**
 * Difference of medians between a variant and the baseline, and of the two
 * baselines (A/A: the noise of the measurement itself), with bootstrap 95 %
 * intervals.
 */
export function versusBaseline(samples, field, { variant = 'ext', a = 'base-a', b = 'base-b', scale = 1 } = {}) {
  const get = (name) => pick(samples[name] ?? [], field).map((x) => x * scale);
  const ab = medianDifference(get(variant), get(a));
  const aa = medianDifference(get(b), get(a));
  return {
    diff: ab.diff,
    interval: [ab.low, ab.high],
    aa: aa.diff,
    aaInterval: [aa.low, aa.high],
    ratio: median(get(variant)) / median(get(a)),
    text: `${signed(ab.diff)} [${fmt(ab.low)}, ${fmt(ab.high)}]`,
    aaText: `${signed(aa.diff)} [${fmt(aa.low)}, ${fmt(aa.high)}]`,
  };
}

export function signed(x) {
  if (!Number.isFinite(x)) return '–';
  return `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x))}`;
}

export { median, p95 };
