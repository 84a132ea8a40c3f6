// Building a module's part of the report: metrics checked against goals,
// tables and plot data. Every module returns the same shape (see run.mjs).
import { median, medianDifference, medianRatio, p95, round, summarize } from './stats.mjs';

/**
 * A figure, optionally with a goal `{ max, text }` (lower is better). The
 * status is 'met' or 'missed' against the goal, 'info' without one; `met`
 * (a boolean) decides it instead where the goal is a rule on an interval
 * (see withinNoise), and `met: null` makes it 'untold' (too few samples to
 * decide). `interval` and `aaInterval`: the figure's 95 % interval
 * and its A/A pair's, shown in the report. `goalNo`: the number of the goal in
 * the goals table of tests/bench/README.md (issue 33); `superseded`: a
 * previous goal, still reported beside the new ones but not counted;
 * `proposed`: a reading proposed for a goal that cannot be met as written
 * without hurting a caseworker (issue 33), reported apart and not counted.
 * `clock`: 'cpu' or 'wall', what kind of time the figure is.
 */
export function metric({
  id,
  label,
  value,
  unit,
  goal,
  detail,
  met,
  interval,
  aaInterval,
  goalNo,
  superseded,
  proposed,
  clock,
}) {
  const status = !goal
    ? 'info'
    : met === null
      ? 'untold'
      : typeof met === 'boolean'
        ? met
          ? 'met'
          : 'missed'
        : Number.isFinite(value) && value <= goal.max
          ? 'met'
          : 'missed';
  const out = { id, label, value: round(value), unit, goal, status, detail };
  if (interval) out.interval = interval.map((x) => round(x));
  if (aaInterval) out.aaInterval = aaInterval.map((x) => round(x));
  if (goalNo !== undefined) out.goalNo = goalNo;
  if (superseded) out.superseded = true;
  if (proposed) out.proposed = true;
  if (clock) out.clock = clock;
  return out;
}

/** "[low, high]" for report cells. */
export function intervalText(interval, digits) {
  return interval ? `[${fmt(interval[0], digits)}, ${fmt(interval[1], digits)}]` : '';
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
    low: ab.low,
    high: ab.high,
    aaLow: aa.low,
    aaHigh: aa.high,
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

/**
 * One row of the --compare table: a headline figure of this build (`cand`
 * samples) against the reference build's, as the ratio of medians with its
 * bootstrap 95 % interval (lower is better).
 */
export function compareRow({ label, unit, clock, cand, ref }) {
  const r = medianRatio(cand, ref);
  return {
    label,
    unit,
    clock,
    cand: round(median(cand)),
    ref: round(median(ref)),
    ratio: r.ratio,
    low: r.low,
    high: r.high,
    n: `${cand.filter(Number.isFinite).length} / ${ref.filter(Number.isFinite).length}`,
  };
}
