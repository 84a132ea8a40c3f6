import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORAGE_KEYS } from '@/lib/storage/keys';
import { useT } from '@/components/ui/i18n';

/** Opt-in for deadline notifications; the service worker reacts to the stored setting. */
export function NotificationSettings() {
  const t = useT();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const id = useId();
  useEffect(() => {
    void browser.storage.local
      .get(STORAGE_KEYS.deadlineNotifications)
      .then((s) => setEnabled(s[STORAGE_KEYS.deadlineNotifications] === true));
  }, []);
  return (
    <section className="mt-8" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading" className="text-lg font-semibold">
        {t('options.notifications')}
      </h2>
      <div className="mt-2 flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          className="mt-1"
          checked={enabled ?? false}
          disabled={enabled === null}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            setEnabled(e.target.checked);
            void browser.storage.local.set({ [STORAGE_KEYS.deadlineNotifications]: e.target.checked });
          }}
        />
        <label htmlFor={id} className="text-sm">
          {t('options.notifications.enable')}
        </label>
      </div>
      <p id={`${id}-help`} className="mt-1 text-sm text-slate-700">
        {t('options.notifications.help')}
      </p>
    </section>
  );
}
