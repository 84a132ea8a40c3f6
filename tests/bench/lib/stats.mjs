// Statistics and run order shared by the benchmark modules.

/** Quantile by linear interpolation between closest ranks (R type 7, as numpy's default). */
export function quantile(values, q) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

export function mean(values) {
  const xs = values.filter(Number.isFinite);
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN;
}

export function summarize(values) {
  const xs = values.filter(Number.isFinite);
  return {
    n: xs.length,
    median: median(xs),
    p95: p95(xs),
    mean: mean(xs),
    min: xs.length ? Math.min(...xs) : NaN,
    max: xs.length ? Math.max(...xs) : NaN,
  };
}

/** A small seeded PRNG (mulberry32), so run orders and synthetic data repeat. */
export function random(seed = 1) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(items, rnd) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Runs `measure(variant, round)` for every variant in every round, in a fresh
 * random order each round, so drift and background load (a CI run on the same
 * two cores) fall on all variants alike. The first `warmup` rounds are run and
 * discarded. `include(variant, round)`, if given, says whether a variant is
 * measured in a (0-based, after the warm-up) round, e.g. a costly variant in
 * every third round only; the others' order is unchanged by it. Returns
 * { [variant]: sample[] }.
 */
export async function interleave(variants, { rounds, warmup = 1, seed = 1, onRound, include }, measure) {
  const rnd = random(seed);
  const samples = Object.fromEntries(variants.map((v) => [v, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (const variant of shuffle(variants, rnd)) {
      // include(variant, round): measure a variant in some rounds only (the warm-up always).
      if (include && round >= warmup && !include(variant, round - warmup)) continue;
      const sample = await measure(variant, round);
      if (round >= warmup) samples[variant].push(sample);
    }
    onRound?.(round - warmup, rounds);
  }
  return samples;
}

/**
 * Median difference a − b with a bootstrap 95 % interval, for paired-free
 * samples of two variants measured in the same run.
 */
export function medianDifference(a, b, { resamples = 2000, seed = 7 } = {}) {
  const rnd = random(seed);
  const pick = (xs) => Array.from(xs, () => xs[Math.floor(rnd() * xs.length)]);
  const diffs = [];
  for (let i = 0; i < resamples; i++) diffs.push(median(pick(a)) - median(pick(b)));
  return { diff: median(a) - median(b), low: quantile(diffs, 0.025), high: quantile(diffs, 0.975) };
}

/** Rounds for display, keeping small figures readable. */
export function round(x, digits) {
  if (!Number.isFinite(x)) return x;
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  return Number(x.toFixed(d));
}

/**
 * The offset between two clocks from message round trips, as NTP reads it.
 * Each ping is { t0, t1, t2, t3 }: t0 sent on clock A, t1 received and t2
 * answered on clock B, t3 the answer received on clock A. The ping with the
 * shortest round trip (its time on the wire, t3 − t0 − (t2 − t1)) gives the
 * estimate: offset (B − A) = ((t1 − t0) + (t2 − t3)) / 2, within ± half that
 * round trip whatever the two directions took. Returns NaN without a usable ping.
 */
export function clockOffset(pings) {
  let best;
  for (const p of pings) {
    const wire = p.t3 - p.t0 - (p.t2 - p.t1);
    if (![p.t0, p.t1, p.t2, p.t3].every(Number.isFinite) || wire < 0 || p.t2 < p.t1) continue;
    if (!best || wire < best.wire) best = { ...p, wire };
  }
  if (!best) return { offset: NaN, bound: NaN, n: 0 };
  return {
    offset: (best.t1 - best.t0 + (best.t2 - best.t3)) / 2,
    bound: best.wire / 2,
    n: pings.length,
  };
}

/**
 * Ratio of medians a ÷ b (a candidate build against a reference build in the
 * same interleaved run) with a bootstrap 95 % interval. NaN where either
 * median is not a positive number, since a ratio to zero says nothing.
 */
export function medianRatio(a, b, { resamples = 2000, seed = 11 } = {}) {
  const xs = a.filter(Number.isFinite);
  const ys = b.filter(Number.isFinite);
  const ratioOf = (p, q) => {
    const m = median(q);
    return m > 0 ? median(p) / m : NaN;
  };
  const ratio = ratioOf(xs, ys);
  if (!Number.isFinite(ratio)) return { ratio: NaN, low: NaN, high: NaN };
  const rnd = random(seed);
  const pick = (vs) => Array.from(vs, () => vs[Math.floor(rnd() * vs.length)]);
  const ratios = [];
  for (let i = 0; i < resamples; i++) ratios.push(ratioOf(pick(xs), pick(ys)));
  return { ratio, low: quantile(ratios, 0.025), high: quantile(ratios, 0.975) };
}

/**
 * Issue 33's rule for "not raised" / "not delayed": the 95 % interval of
 * (Sidevogn − baseline) holds 0 (give or take `margin`: its low end is at most
 * `margin` above 0), or it lies inside the A/A pair's interval widened by
 * `margin` on each side. Lower is better; an interval wholly below 0 (faster)
 * meets it. Returns { met, why } with why 'holds 0', 'inside A/A' or 'raised'.
 */
export function withinNoise(interval, aaInterval, margin = 0) {
  const [low, high] = interval;
  const [aaLow, aaHigh] = aaInterval;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { met: false, why: 'no data' };
  if (low <= margin) return { met: true, why: margin ? `holds 0 (± ${margin})` : 'holds 0' };
  if (Number.isFinite(aaLow) && Number.isFinite(aaHigh) && low >= aaLow - margin && high <= aaHigh + margin)
    return { met: true, why: margin ? `inside A/A (± ${margin})` : 'inside A/A' };
  return { met: false, why: 'raised' };
}

/**
 * An A/B's verdict for a change meant to make the host sooner (issue 33 goal
 * 4: keep the frame at idle only if the host's milestones improve): given the
 * 95 % intervals [low, high] of (B − A) for each milestone, no milestone is
 * shown later (every low end ≤ 0) and at least one is shown sooner (a high end
 * < 0). Null (too few samples to tell) when an interval is not finite.
 */
export function improvesWithoutHarm(intervals) {
  if (intervals.length === 0 || intervals.some(([low, high]) => !Number.isFinite(low) || !Number.isFinite(high)))
    return null;
  return intervals.every(([low]) => low <= 0) && intervals.some(([, high]) => high < 0);
}
