import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM module of the benchmark harness, without types
import { analyzeHostTrace } from '../bench/lib/trace.mjs';

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
});
