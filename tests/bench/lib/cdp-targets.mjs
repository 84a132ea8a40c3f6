// Any DevTools target of a browser (page, extension frame, service worker),
// reached through the browser's DevTools port: Playwright opens CDP sessions
// on pages and frames only, and the heap of a service worker needs one of its
// own. The browser must be launched with SIDE_PANEL_ARGS (the port is then
// written to the profile's DevToolsActivePort).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The WebSocket client Playwright itself uses (an exported entry of playwright-core).
const { ws: WebSocket } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');

export function devToolsPort(browser) {
  return readFileSync(join(browser.profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
}

/** The browser's targets: { id, type, url, webSocketDebuggerUrl }[] (type: page, iframe, service_worker, …). */
export async function listTargets(browser) {
  const response = await fetch(`http://127.0.0.1:${devToolsPort(browser)}/json/list`);
  return response.json();
}

/** Sends `calls` ([method, params][]) to one target, in turn, and returns their results. */
export async function sendToTarget(target, calls, { timeoutMs = 30_000 } = {}) {
  const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let id = 0;
  const pending = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
    else waiting.resolve(message.result);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out`)), timeoutMs);
      pending.set(++id, {
        method,
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    const results = [];
    for (const [method, params] of calls) results.push(await send(method, params));
    return results;
  } finally {
    socket.close();
  }
}

/** A target's JS heap in use after two forced collections, in bytes (Runtime.getHeapUsage). */
export async function heapAfterGcOf(target) {
  const [, , usage] = await sendToTarget(target, [
    ['HeapProfiler.collectGarbage'],
    ['HeapProfiler.collectGarbage'],
    ['Runtime.getHeapUsage'],
  ]);
  return usage.usedSize;
}
