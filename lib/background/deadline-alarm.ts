import { browser } from 'wxt/browser';
import { z } from '../zod';
import { SidevognDb } from '../db/database';
import { createRepositories, type Repositories } from '../repositories';
import { translator } from '../i18n/i18n';
import { extensionToBackgroundSchema, parseMessage } from '../messaging/protocol';
import { loadLocale } from '../panel/preferences';
import { STORAGE_KEYS } from '../storage/keys';
import { localDay } from '../summary/dates';
import { nextAlarmTime } from '../summary/deadlines';

/**
 * Deadline reminders: one chrome.alarms alarm at 08:00 on the next day with an
 * open deadline, so it fires even when no case-system tab is open. The
 * notification says only how many deadlines are due — no name, no CPR — as it
 * may show on a lock screen. Opt-in (STORAGE_KEYS.deadlineNotifications).
 */
export const DEADLINE_ALARM = 'deadlines';

export async function notificationsEnabled(): Promise<boolean> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.deadlineNotifications);
  return stored[STORAGE_KEYS.deadlineNotifications] === true;
}

async function notifiedDay(): Promise<string | null> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.deadlineNotifiedDay);
  return z
    .string()
    .nullable()
    .catch(null)
    .parse(stored[STORAGE_KEYS.deadlineNotifiedDay] ?? null);
}

/** Sets (or clears) the alarm from the open deadlines. */
export async function scheduleDeadlineAlarm(repository: Repositories, now = Date.now()): Promise<number | null> {
  if (!(await notificationsEnabled())) {
    await browser.alarms.clear(DEADLINE_ALARM);
    return null;
  }
  const when = nextAlarmTime(await repository.deadlines.openDueDays(), now, localDay(now), await notifiedDay());
  if (when === null) await browser.alarms.clear(DEADLINE_ALARM);
  else await browser.alarms.create(DEADLINE_ALARM, { when });
  return when;
}

/** The alarm fired: show today's count (once a day), then schedule the next one. */
export async function onDeadlineAlarm(repository: Repositories, now = Date.now()): Promise<void> {
  const today = localDay(now);
  const due = (await repository.deadlines.openDueDays()).filter((d) => d === today).length;
  if (due > 0 && (await notificationsEnabled()) && (await notifiedDay()) !== today) {
    const t = translator(await loadLocale().catch(() => 'da' as const));
    await browser.notifications.create(`deadlines-${today}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('notify.title'),
      message: due === 1 ? t('notify.one') : t('notify.many', { count: due }),
    });
    await browser.storage.local.set({ [STORAGE_KEYS.deadlineNotifiedDay]: today });
  }
  await scheduleDeadlineAlarm(repository, now);
}

export function registerDeadlineAlarm(): void {
  // The service worker is an extension page context: it may open the database.
  const repository = createRepositories(new SidevognDb());
  const reschedule = () =>
    void scheduleDeadlineAlarm(repository).catch((e: unknown) =>
      console.error('Sidevogn: deadline alarm', e instanceof Error ? e.name : 'error'),
    );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DEADLINE_ALARM) void onDeadlineAlarm(repository);
  });
  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only extension pages (panel, options) say deadlines changed; not content scripts.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return;
    if (parseMessage(extensionToBackgroundSchema, raw)?.type === 'deadlines-changed') reschedule();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && STORAGE_KEYS.deadlineNotifications in changes) reschedule();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith('deadlines-')) void browser.runtime.openOptionsPage();
  });
  browser.runtime.onStartup.addListener(reschedule);
  browser.runtime.onInstalled.addListener(reschedule);
}
