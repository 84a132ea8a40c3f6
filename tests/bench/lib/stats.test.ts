import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { clockOffset } from './stats.mjs';

/** A round trip: sent at `t0` on clock A, `out` ms to B, `held` ms there, `back` ms home; B runs `skew` ms ahead. */
const ping = (t0: number, out: number, held: number, back: number, skew: number) => ({
  t0,
  t1: t0 + out + skew,
  t2: t0 + out + held + skew,
  t3: t0 + out + held + back,
});

describe('clockOffset (the bench’s cross-process clock check)', () => {
  it('finds the skew exactly when both directions take as long', () => {
    const r = clockOffset([ping(1_000, 0.4, 0.1, 0.4, 2.5)]);
    expect(r.offset).toBeCloseTo(2.5);
    expect(r.bound).toBeCloseTo(0.4);
  });

  it('reads the ping with the shortest round trip, and its error stays within its bound', () => {
    const pings = [ping(0, 5, 0.1, 1, -1), ping(20, 0.3, 0.2, 0.5, -1), ping(40, 2, 0.1, 8, -1)];
    const r = clockOffset(pings);
    // The second ping: (0.3 − 0.5) / 2 off the true −1 ms, inside ± (0.3 + 0.5) / 2.
    expect(r.offset).toBeCloseTo(-1.1);
    expect(r.bound).toBeCloseTo(0.4);
    expect(Math.abs(r.offset - -1)).toBeLessThanOrEqual(r.bound);
    expect(r.n).toBe(3);
  });

  it('skips impossible pings (negative round trip, answered before received, missing stamps)', () => {
    const good = ping(100, 1, 0, 1, 0);
    const r = clockOffset([
      { t0: 0, t1: 5, t2: 4, t3: 1 },
      { t0: 0, t1: 10, t2: 20, t3: 5 },
      { t0: 0, t1: NaN, t2: 1, t3: 2 },
      good,
    ]);
    expect(r.offset).toBeCloseTo(0);
    expect(r.bound).toBeCloseTo(1);
    expect(clockOffset([]).offset).toBeNaN();
  });
});
