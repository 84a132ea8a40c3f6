import { useEffect, useState } from 'react';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { CitizenHeader } from './CitizenHeader';
import { CitizenTabs } from './CitizenTabs';
import { Notice } from '@/components/ui/Notice';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { takeFirstView, type FirstView } from '@/lib/panel/first-view';
import { rememberWhereShown } from '@/lib/panel/remember-address';

type Opened = { cpr: string; key: string; first?: FirstView } | { cpr: string; error: string };

/** Everything the panel shows for the citizen on the page. */
export function CitizenView({ citizen }: { citizen: CitizenOnPage }) {
  const t = useT();
  const { repository, host } = usePanelServices();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    // On a warm start the first view may have been read already (lib/panel/first-view.ts).
    const first = takeFirstView(citizen.cpr, citizen.name);
    const opening = first
      ? first.then(
          (view) => ({ key: view.key, first: view }),
          // The first view failed (a stored row that does not read): open as usual; the tab says what failed.
          () => repository.citizens.open(citizen.cpr, citizen.name).then((key) => ({ key })),
        )
      : repository.citizens.open(citizen.cpr, citizen.name).then((key) => ({ key }));
    opening.then(
      (view) => live && setOpened({ cpr: citizen.cpr, ...view }),
      (error: unknown) => live && setOpened({ cpr: citizen.cpr, error: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [repository, citizen.cpr, citizen.name, attempt]);

  const current = opened?.cpr === citizen.cpr ? opened : null;
  const openedKey = current && 'key' in current ? current.key : null;
  // Where the case system shows the citizen, for "Åbn i sagssystemet" (each time the page names them
  // again); once the panel is idle, so it never competes with the citizen's first view.
  useEffect(() => {
    if (!openedKey) return;
    const idle = requestIdleCallback(
      () => void rememberWhereShown(repository, host, openedKey, citizen.cpr).catch(() => undefined),
      { timeout: 2_000 },
    );
    return () => cancelIdleCallback(idle);
  }, [repository, host, openedKey, citizen]);
  return (
    <>
      <CitizenHeader citizen={citizen} />
      {current && 'error' in current && (
        <Notice tone="error" title={t('storage.saveFailed', { error: current.error })}>
          <button type="button" className="mt-2 underline" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
      {current && 'key' in current && <CitizenTabs citizen={citizen} citizenKey={current.key} first={current.first} />}
    </>
  );
}
