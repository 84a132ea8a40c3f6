import { browser } from 'wxt/browser';
import { idleExpired, readLockPolicy } from './policy';
import { SESSION_KEYS, session } from './session';
import { hostActivitySchema, parseMessage } from '../messaging/protocol';

/**
 * The idle lock. Pages record keyboard and pointer activity in
 * chrome.storage.session (shared by all Sidevogn pages, cleared with the
 * browser); pages and the service worker (an alarm each minute) remove the key
 * once the last activity is older than the policy's idle minutes. Pages also
 * check whenever the stored activity changes, when they are shown again, and
 * before recording new activity, so coming back after a long pause locks rather
 * than extends the session; a page that opens checks before it takes the key
 * (session.restore), so it never draws citizen data first.
 */

export const IDLE_ALARM = 'idle-lock';
/** At most one activity write per this many ms. */
const WRITE_EVERY = 10_000;
const CHECK_EVERY = 20_000;

/** Locks if unlocked and idle too long; says whether it was locked already, locked now, or is unlocked. */
async function checkIdle(now: number): Promise<'locked' | 'locked-now' | 'unlocked'> {
  const [policy, stored] = await Promise.all([
    readLockPolicy(),
    browser.storage.session.get([SESSION_KEYS.dataKey, SESSION_KEYS.lastActivityAt]),
  ]);
  if (stored[SESSION_KEYS.dataKey] === undefined) return 'locked';
  if (!idleExpired(stored[SESSION_KEYS.lastActivityAt], now, policy)) return 'unlocked';
  await browser.storage.session.remove(SESSION_KEYS.dataKey);
  return 'locked-now';
}

/** Locks if unlocked and idle too long; returns whether it locked. */
export async function lockIfIdle(now = Date.now()): Promise<boolean> {
  return (await checkIdle(now)) === 'locked-now';
}

/**
 * Records activity now while unlocked, unless the last was too long ago: then it
 * locks, so coming back after a long pause never extends the session.
 */
export async function recordActivity(now = Date.now()): Promise<void> {
  if ((await checkIdle(now)) === 'unlocked') await browser.storage.session.set({ [SESSION_KEYS.lastActivityAt]: now });
}

/** In an extension page: records activity and locks when idle. Returns a stop function. */
export function trackActivity(target: Window = window): () => void {
  let lastWrite = 0;
  const onActivity = () => {
    const now = Date.now();
    if (session.current() === null || now - lastWrite < WRITE_EVERY) return;
    lastWrite = now;
    void recordActivity(now);
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && SESSION_KEYS.lastActivityAt in changes) void lockIfIdle();
  };
  // Shown again (a tab brought back, a window restored): check at once, not at the next
  // interval, up to CHECK_EVERY away.
  const onShown = () => {
    if (target.document.visibilityState === 'visible') void lockIfIdle();
  };
  const options = { capture: true, passive: true } as const;
  for (const type of ['keydown', 'pointerdown', 'wheel'] as const) target.addEventListener(type, onActivity, options);
  target.document.addEventListener('visibilitychange', onShown);
  browser.storage.onChanged.addListener(onChanged);
  const timer = target.setInterval(() => void lockIfIdle(), CHECK_EVERY);
  void lockIfIdle();
  return () => {
    for (const type of ['keydown', 'pointerdown', 'wheel'] as const)
      target.removeEventListener(type, onActivity, options);
    target.document.removeEventListener('visibilitychange', onShown);
    browser.storage.onChanged.removeListener(onChanged);
    target.clearInterval(timer);
  };
}

/**
 * In the service worker: checks once a minute, also when no Sidevogn page is open;
 * and counts work in a case-system page (the field script's word, hostActivitySchema)
 * as activity: typing a long journal note there is not being away.
 */
export function registerIdleLock(): void {
  void browser.alarms.create(IDLE_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === IDLE_ALARM) void lockIfIdle();
  });
  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only this extension's field script, in a tab's page (not an extension page): a page's own script cannot send it.
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return;
    if (sender.url?.startsWith(browser.runtime.getURL('/'))) return;
    if (parseMessage(hostActivitySchema, raw)) void recordActivity();
  });
}
