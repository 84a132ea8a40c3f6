import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { medianRatio, withinNoise } from './stats.mjs';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { analyzeHostTrace } from './trace.mjs';

describe('medianRatio (the ratios of npm run bench -- --compare)', () => {
  it('gives the ratio of medians exactly, and an interval that holds it', () => {
    const ref = [10, 11, 12, 13, 14, 15, 16];
    const cand = ref.map((x) => x * 1.5);
    const r = medianRatio(cand, ref);
    expect(r.ratio).toBeCloseTo(1.5);
    expect(r.low).toBeLessThanOrEqual(1.5);
    expect(r.high).toBeGreaterThanOrEqual(1.5);
  });

  it('holds 1 for two samples of the same spread, and excludes it for a clear change', () => {
    const a = [9, 10, 10, 11, 12, 9, 10, 11, 10, 12, 9, 11];
    const same = medianRatio([...a].reverse(), a);
    expect(same.ratio).toBeCloseTo(1);
    expect(same.low).toBeLessThan(1);
    expect(same.high).toBeGreaterThan(1);
    const slower = medianRatio(
      a.map((x) => x + 5),
      a,
    );
    expect(slower.low).toBeGreaterThan(1);
  });

  it('says nothing (NaN) against a zero or missing reference, and ignores non-numbers', () => {
    expect(medianRatio([1, 2], [0, 0]).ratio).toBeNaN();
    expect(medianRatio([1, 2], []).ratio).toBeNaN();
    expect(medianRatio([2, NaN, 2], [1, 1, undefined]).ratio).toBeCloseTo(2);
  });

  it('repeats: the same samples give the same interval', () => {
    const a = [3, 5, 4, 6, 5, 7];
    const b = [4, 4, 5, 5, 6, 3];
    expect(medianRatio(a, b)).toEqual(medianRatio(a, b));
  });
});

describe('withinNoise (issue 33: "not raised" / "within 5 ms of the baseline")', () => {
  it('is met when the interval of Sidevogn − baseline holds 0', () => {
    expect(withinNoise([-3, 4], [-2, 2])).toEqual({ met: true, why: 'holds 0' });
    // Faster than the baseline is not "raised" either.
    expect(withinNoise([-9, -1], [-2, 2]).met).toBe(true);
  });

  it('allows the margin above 0: within 5 ms means a low end up to +5', () => {
    expect(withinNoise([4, 9], [-1, 1], 5).met).toBe(true);
    expect(withinNoise([6, 9], [-1, 1], 5)).toEqual({ met: false, why: 'raised' });
  });

  it('is met when the interval lies inside the A/A pair’s (widened by the margin)', () => {
    expect(withinNoise([10, 40], [-50, 50])).toEqual({ met: true, why: 'inside A/A' });
    expect(withinNoise([10, 54], [-50, 50], 5).met).toBe(true);
    expect(withinNoise([10, 56], [-50, 50], 5).met).toBe(false);
  });

  it('misses the heavy page of 2026-12-05: +302 ms CPU [94, 571] against an A/A of [−217, 214]', () => {
    expect(withinNoise([94, 571], [-217, 214])).toEqual({ met: false, why: 'raised' });
  });

  it('is never met without data', () => {
    expect(withinNoise([NaN, NaN], [-1, 1], 5).met).toBe(false);
    expect(withinNoise([1, 2], [NaN, NaN]).met).toBe(false);
  });
});

describe('long tasks that are ours (issue 33, goal 3)', () => {
  const HOST = 'http://127.0.0.1:9000';
  const EXT = 'chrome-extension://abc/host.js';
  const [pid, tid] = [7, 1];
  const analyze = (extensionUs: number, taskUs: number, cpuShare = 1) =>
    analyzeHostTrace(
      [
        {
          name: 'FrameCommittedInBrowser',
          ph: 'I',
          ts: 0,
          args: { data: { isOutermostMainFrame: true, url: `${HOST}/x`, processId: pid } },
        },
        { name: 'thread_name', ph: 'M', pid, tid, args: { name: 'CrRendererMain' } },
        { name: 'navigationStart', ph: 'R', pid, tid, ts: 1_000, args: { data: { documentLoaderURL: `${HOST}/x` } } },
        { name: 'RunTask', ph: 'X', pid, tid, ts: 2_000, dur: taskUs, tdur: taskUs * cpuShare },
        { name: 'EvaluateScript', ph: 'X', pid, tid, ts: 2_000, dur: extensionUs, args: { data: { url: EXT } } },
      ],
      { hostUrl: HOST, windowMs: 1000 },
    ).longTasks;

  it('counts a task over 50 ms with more than 16 ms of the extension in it', () => {
    const [task] = analyze(17_000, 200_000);
    expect(task.ours).toBe(true);
    // The previous rule would not have called it caused: 183 ms of it is the host's.
    expect(task.caused).toBe(false);
  });

  it('does not count 16 ms or less of the extension, however long the task', () => {
    expect(analyze(16_000, 200_000)[0].ours).toBe(false);
  });

  it('gives the extension’s part of the task in thread CPU time too', () => {
    // The thread ran for half of the task's wall clock (it waited for a core the rest).
    const [task] = analyze(20_000, 100_000, 0.5);
    expect(task.extensionMs).toBeCloseTo(20);
    expect(task.extensionCpuMs).toBeCloseTo(10);
  });

  it('does not count a task of 50 ms or less', () => {
    expect(analyze(30_000, 50_000)[0].ours).toBe(false);
    expect(analyze(30_000, 50_001)[0].ours).toBe(true);
  });
});
