import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { subtract } from './intervals.mjs';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { analyzeHostTrace } from './trace.mjs';

const HOST = 'http://127.0.0.1:9000';
const EXT = 'chrome-extension://abc/host.js';
const [pid, tid] = [7, 1];

/** A minimal trace: the host's renderer main thread, a navigation, and `events` on it (µs). */
function trace(events: object[]) {
  return [
    {
      name: 'FrameCommittedInBrowser',
      ph: 'I',
      ts: 0,
      args: { data: { isOutermostMainFrame: true, url: `${HOST}/x`, processId: pid } },
    },
    { name: 'thread_name', ph: 'M', pid, tid, args: { name: 'CrRendererMain' } },
    { name: 'navigationStart', ph: 'R', pid, tid, ts: 1_000, args: { data: { documentLoaderURL: `${HOST}/x` } } },
    ...events.map((e) => ({ pid, tid, ph: 'X', ...e })),
  ];
}

describe('analyzeHostTrace', () => {
  it('counts wall time and, apart, the thread CPU time of the extension script', () => {
    const a = analyzeHostTrace(
      trace([
        // A 10 ms task the thread ran for 4 ms; 6 ms of it the extension's script.
        { name: 'RunTask', ts: 2_000, dur: 10_000, tdur: 4_000 },
        { name: 'EvaluateScript', ts: 3_000, dur: 6_000, tdur: 3_000, args: { data: { url: EXT } } },
        // A host task the thread ran in full.
        { name: 'RunTask', ts: 20_000, dur: 5_000, tdur: 5_000 },
        { name: 'FunctionCall', ts: 20_000, dur: 5_000, tdur: 5_000, args: { data: { url: `${HOST}/app.js` } } },
      ]),
      { hostUrl: HOST, windowMs: 100 },
    );
    expect(a.scriptMs).toBe(6);
    expect(a.busyMs).toBe(15);
    // The script's 6 ms at its task's share of CPU (4 of 10 ms).
    expect(a.scriptCpuMs).toBeCloseTo(2.4);
    expect(a.busyCpuMs).toBeCloseTo(9);
  });

  it('takes the outer event when a task and its first child start together', () => {
    const a = analyzeHostTrace(
      trace([
        { name: 'EvaluateScript', ts: 2_000, dur: 2_000, tdur: 2_000, args: { data: { url: EXT } } },
        { name: 'RunTask', ts: 2_000, dur: 8_000, tdur: 2_000 },
      ]),
      { hostUrl: HOST, windowMs: 100 },
    );
    expect(a.busyCpuMs).toBeCloseTo(2);
    expect(a.scriptCpuMs).toBeCloseTo(0.5);
  });

  /** CPU samples on the host thread: [time µs, from the extension?] each. */
  const samples = (list: [number, boolean][]) => {
    const nodes = [
      { id: 1, callFrame: { url: '' } },
      { id: 2, parent: 1, callFrame: { url: EXT } },
      { id: 3, parent: 1, callFrame: { url: `${HOST}/app.js` } },
    ];
    const deltas = list.map(([t], i) => t - (i ? list[i - 1]![0] : 0));
    return [
      { name: 'Profile', ph: 'P', pid, tid, id: '0x1', args: { data: { startTime: 0 } } },
      {
        name: 'ProfileChunk',
        ph: 'P',
        pid,
        tid,
        id: '0x1',
        ts: 1,
        args: { data: { cpuProfile: { nodes, samples: list.map(([, ext]) => (ext ? 2 : 3)) }, timeDeltas: deltas } },
      },
    ];
  };

  /** The extension's script time when `events` are on the host thread and `list` is what the sampler saw. */
  const scriptMs = (events: object[], list: [number, boolean][]) =>
    analyzeHostTrace([...trace(events), ...samples(list)], { hostUrl: HOST, windowMs: 100 }).scriptMs;

  /** A task that runs only microtasks (the extension's promise continuations carry no URL). */
  const microtaskTask = (ts: number, dur: number) => [
    { name: 'RunTask', ts, dur, tdur: dur },
    { name: 'RunMicrotasks', ts, dur, tdur: dur },
  ];

  it('ends a sample in the extension where its task ends, though the next sample comes late', () => {
    // The extension's microtask ends its task at 5 ms; the host's next task
    // starts at once, and the sampler is 4 ms late.
    const events = [...microtaskTask(2_000, 3_000), { name: 'RunTask', ts: 5_000, dur: 5_000, tdur: 5_000 }];
    expect(
      scriptMs(events, [
        [2_000, true],
        [4_000, true],
        [9_000, false],
        [10_000, false],
      ]),
    ).toBe(3);
  });

  it("ends a sample in the extension where the host's own script starts in the same task", () => {
    const events = [
      ...microtaskTask(2_000, 8_000),
      { name: 'FunctionCall', ts: 3_500, dur: 6_500, tdur: 6_500, args: { data: { url: `${HOST}/app.js` } } },
    ];
    expect(
      scriptMs(events, [
        [2_000, true],
        [6_000, false],
        [10_000, false],
      ]),
    ).toBe(1.5);
  });

  it('charges the start of a task to its first sample, whatever ran before it', () => {
    // The extension's microtask; the sampler's first look comes 2 ms late.
    const events = [{ name: 'RunTask', ts: 1_200, dur: 300, tdur: 300 }, ...microtaskTask(2_000, 3_000)];
    expect(
      scriptMs(events, [
        [1_300, false],
        [4_000, true],
        [6_000, false],
      ]),
    ).toBe(3);
  });

  it('reads the samples in time order, as Chromium writes some out of order', () => {
    // A negative time delta: the sample at 3 ms is written after the one at 4.5 ms.
    expect(
      scriptMs(microtaskTask(2_000, 3_000), [
        [1_300, false],
        [4_500, true],
        [3_000, false],
        [6_000, false],
      ]),
    ).toBe(0.5);
  });
});

describe('analyzeHostTrace on a page whose content script runs just before its slow load', () => {
  it('counts from DOMContentLoaded until afterLoadMs after the load event', () => {
    const mark = (name: string, ts: number) => ({ name, ph: 'R', ts, args: { data: { isOutermostMainFrame: true } } });
    const evaluate = (ts: number) => ({
      name: 'EvaluateScript',
      ts,
      dur: 1_000,
      tdur: 1_000,
      args: { data: { url: EXT } },
    });
    const a = analyzeHostTrace(
      trace([
        mark('MarkDOMContent', 2_000),
        // document_idle: after DOMContentLoaded, before the load event.
        evaluate(9_000),
        mark('MarkLoad', 10_000),
        evaluate(12_000),
        // Past 3 ms after the load event.
        evaluate(14_000),
      ]),
      { hostUrl: HOST, anchor: 'domContentLoaded', afterLoadMs: 3 },
    );
    expect(a.spanMs).toBe(11);
    expect(a.scriptMs).toBe(2);
  });
});

describe('subtract', () => {
  it('removes the second set of intervals from the first', () => {
    expect(
      subtract(
        [
          [0, 10],
          [20, 30],
          [40, 50],
        ],
        [
          [5, 7],
          [8, 22],
          [45, 60],
        ],
      ),
    ).toEqual([
      [0, 5],
      [7, 8],
      [22, 30],
      [40, 45],
    ]);
    expect(subtract([[0, 10]], [])).toEqual([[0, 10]]);
    expect(subtract([[0, 10]], [[0, 10]])).toEqual([]);
  });
});
