import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { medianRatio, withinNoise } from './stats.mjs';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { analyzeHostTrace } from './trace.mjs';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { proposedReadings } from './host-goals.mjs';

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

describe('the proposed readings of goals 1–3 (proposedReadings)', () => {
  /** Loads of one variant: `n` samples around `centre`, with the fields the readings read. */
  const loads = (n: number, fields: Record<string, number>, extra: Record<string, unknown> = {}) =>
    Array.from({ length: n }, (_, i) => ({
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v + (i % 3) * 0.1])),
      oursLongTasks: [],
      ...extra,
    }));
  const page = { id: 'demo', label: 'Demo' };
  const base = { hostOwnCpuMs: 100, scriptCpuMs: 0 };
  const samples = (ext: Record<string, number>, overlaid: Record<string, number>, extExtra = {}) => ({
    ext: loads(30, ext, extExtra),
    'ext-overlay': loads(30, overlaid),
    overlay: loads(30, { hostOwnCpuMs: 100, scriptCpuMs: 3 }),
    'base-a': loads(30, base),
    'base-b': loads(30, base),
  });
  type Reading = { id: string; value: number; status: string; detail: string };
  const byId = (metrics: Reading[]) => (id: string) => metrics.find((m) => m.id === id) ?? expect.fail(`no ${id}`);

  it('reads goal 2 in the overlay layout and gives push mode’s own cost beside it', () => {
    const m = byId(proposedReadings(page, samples({ hostOwnCpuMs: 100, scriptCpuMs: 11 }, { scriptCpuMs: 7.5 })));
    expect(m('demo.beyond-frame-overlay')).toMatchObject({ value: 4.5, status: 'met', proposed: true, goalNo: 2 });
    expect(m('demo.beyond-frame-overlay').detail).toContain('3.5 [');
    expect(m('demo.script-cpu-overlay')).toMatchObject({ value: 7.6, status: 'met' });
    // The same in units of the bare frame (no goal): 7.6 ÷ 3.1 ms.
    expect(m('demo.overlay-frame-ratio')).toMatchObject({ unit: '×', status: 'info', proposed: true });
    expect(m('demo.overlay-frame-ratio').value).toBeCloseTo(2.45, 2);
    const over = byId(proposedReadings(page, samples({ hostOwnCpuMs: 100, scriptCpuMs: 11 }, { scriptCpuMs: 9 })));
    expect(over('demo.beyond-frame-overlay').status).toBe('missed');
  });

  it("misses goal 1's reading when the host's own CPU is raised, and meets it when it is not", () => {
    const raised = byId(proposedReadings(page, samples({ hostOwnCpuMs: 130, scriptCpuMs: 9 }, { scriptCpuMs: 6 })));
    expect(raised('demo.host-own-cpu')).toMatchObject({ value: 30, status: 'missed', proposed: true, goalNo: 1 });
    const same = byId(proposedReadings(page, samples({ hostOwnCpuMs: 100, scriptCpuMs: 9 }, { scriptCpuMs: 6 })));
    expect(same('demo.host-own-cpu').status).toBe('met');
  });

  it('counts for goal 3 only long tasks with more than 16 ms of the extension in thread CPU', () => {
    const tasks = [
      { durMs: 60, extensionMs: 21.5, extensionCpuMs: 9.9 },
      { durMs: 80, extensionMs: 30, extensionCpuMs: 17 },
    ];
    const m = byId(
      proposedReadings(page, samples({ hostOwnCpuMs: 100, scriptCpuMs: 9 }, { scriptCpuMs: 6 }, { oursLongTasks: [] })),
    );
    expect(m('demo.ours-long-tasks-cpu')).toMatchObject({ value: 0, status: 'met' });
    const s = samples({ hostOwnCpuMs: 100, scriptCpuMs: 9 }, { scriptCpuMs: 6 });
    s.ext[4]!.oursLongTasks = tasks as never[];
    const found = byId(proposedReadings(page, s));
    expect(found('demo.ours-long-tasks-cpu')).toMatchObject({ value: 1, status: 'missed' });
    expect(found('demo.ours-long-tasks-cpu').detail).toContain('80 ms (extension CPU 17)');
  });

  it('reads goal 2 in one tab too when the run loaded the one-tab variants', () => {
    const s: Record<string, unknown[]> = samples({ hostOwnCpuMs: 100, scriptCpuMs: 11 }, { scriptCpuMs: 7.5 });
    expect(proposedReadings(page, s).some((m: Reading) => m.id.endsWith('-tab'))).toBe(false);
    s['ext-overlay-tab'] = loads(30, { scriptCpuMs: 5 });
    s['overlay-tab'] = loads(30, { scriptCpuMs: 2 });
    const m = byId(proposedReadings(page, s));
    expect(m('demo.beyond-frame-overlay-tab')).toMatchObject({ value: 3, status: 'met', goalNo: 2 });
    expect(m('demo.script-cpu-overlay-tab')).toMatchObject({ value: 5.1, status: 'met' });
    expect(m('demo.beyond-frame-overlay')).toMatchObject({ value: 4.5 });
  });

  it('is empty without the overlay-layout variant (a --compare run)', () => {
    const s: Record<string, unknown[]> = samples({ hostOwnCpuMs: 100, scriptCpuMs: 9 }, { scriptCpuMs: 6 });
    delete s['ext-overlay'];
    expect(proposedReadings(page, s)).toEqual([]);
  });
});
