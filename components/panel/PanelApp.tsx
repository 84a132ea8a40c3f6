import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { selectActiveCitizen, usePanelStore } from '@/lib/panel/panel-store';
import { CitizenView } from './CitizenView';
import { CitizenChoice } from './CitizenChoice';
import { CollapsedTab } from './CollapsedTab';
import { Notice } from '@/components/ui/Notice';
import { PanelToolbar } from './PanelToolbar';
import { ResizeHandle } from './ResizeHandle';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { RefusedNotice } from './RefusedNotice';
import { BackToHost, SkipLinks } from './SkipLinks';
import { useLiveQuery } from 'dexie-react-hooks';
import { publishShortcuts } from '@/lib/panel/shortcuts';
import { usePersonalShortcuts } from '../templates/TemplatesView';
import type { SidevognDb } from '@/lib/db/database';
import { LockGate } from '../lock/LockGate';
import { DataLossAlert } from '../privacy/DataLossAlert';

export function PanelApp({ db, storageError }: { db: SidevognDb; storageError: string | null }) {
  // The browser's side panel has its own width and close button: no fold, no resize handle.
  const inFrame = usePanelStore((s) => s.surface === 'frame');
  const collapsed = usePanelStore((s) => s.layout.collapsed) && inFrame;
  const modalOpen = usePanelStore((s) => s.modalOpen) && inFrame;
  // A frame whose bridge has not answered may be a copy framed by another page:
  // nothing of Sidevogn (no lock form, no activity tracking) until the handshake.
  const linked = usePanelStore((s) => s.linked) || !inFrame;
  if (!linked) return <BeforeHandshake />;
  if (collapsed) return <CollapsedTab />;
  return (
    <div className="flex h-screen bg-white text-slate-900">
      {inFrame && <ResizeHandle />}
      <div className="relative flex min-w-0 flex-1 flex-col border-l border-slate-300">
        {storageError === null && <SkipLinks />}
        <PanelToolbar />
        {modalOpen && <ModalNotice />}
        <main className="relative min-h-0 flex-1 overflow-y-auto" aria-live="polite" aria-busy={false}>
          {storageError !== null ? <StorageDenied error={storageError} /> : <LockedPanelBody db={db} />}
        </main>
        {inFrame && <BackToHost />}
      </div>
    </div>
  );
}

/**
 * Before the bridge in this tab accepted the handshake: only "Forbinder …" (or
 * "not connected" when this page is in no tab's frame). The lock gate is not
 * mounted, so there is no unlock or set-up form, and no activity is recorded
 * to postpone the idle lock.
 */
function BeforeHandshake() {
  const t = useT();
  const disconnected = usePanelStore((s) => s.connection === 'disconnected');
  return (
    <main className="h-screen border-l border-slate-300 bg-white text-slate-900" aria-live="polite">
      {disconnected ? <Notice title={t('panel.notConnected')} /> : <Connecting />}
    </main>
  );
}

/**
 * The host shows a modal dialog, so this in-page panel is inert: it can be
 * seen but not used. The toggle command opens the browser's side panel, which
 * the dialog cannot block (lib/background/commands.ts).
 */
function ModalNotice() {
  const t = useT();
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then(
      (all) => setShortcut(all.find((c) => c.name === 'toggle-panel')?.shortcut || ''),
      () => setShortcut(''),
    );
  }, []);
  if (shortcut === null) return null;
  return (
    <div data-testid="modal-notice">
      <Notice
        tone="warning"
        title={t('panel.modal.title')}
        body={t('panel.modal.body', { shortcut: shortcut || t('panel.modal.noShortcut') })}
      />
    </div>
  );
}

function StorageDenied({ error }: { error: string }) {
  const t = useT();
  return <Notice tone="error" title={t('storage.denied.title')} body={t('storage.denied.body', { error })} />;
}

/** Nothing of any citizen (not even what the page shows) until unlocked. */
function LockedPanelBody({ db }: { db: SidevognDb }) {
  return (
    <LockGate db={db} beforeSetUp={<DataLossAlert beforeSetUp />}>
      <PanelBody />
    </LockGate>
  );
}

/** After 3 s without an answer from the page, say what is wrong and what to do. */
export const CONNECTING_PATIENCE_MS = 3_000;

function Connecting() {
  const t = useT();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), CONNECTING_PATIENCE_MS);
    return () => clearTimeout(timer);
  }, []);
  return slow ? (
    <Notice tone="warning" title={t('panel.connecting')} body={t('panel.connectingSlow')} />
  ) : (
    <Notice title={t('panel.connecting')} />
  );
}

function PanelBody() {
  usePublishShortcuts();
  return (
    <>
      <RefusedNotice />
      <PanelContent />
    </>
  );
}

/** Keeps the shortcuts the field script listens for in step with the templates (lib/panel/shortcuts.ts). */
function usePublishShortcuts() {
  const { repository } = usePanelServices();
  const loaded = useLiveQuery(() => repository.templates.list(), [repository]);
  const personal = usePersonalShortcuts();
  useEffect(() => {
    if (loaded) void publishShortcuts(loaded.templates).catch(() => undefined);
  }, [loaded, personal]);
}

function PanelContent() {
  const t = useT();
  const connection = usePanelStore((s) => s.connection);
  const detection = usePanelStore((s) => s.detection);
  const citizen = usePanelStore(selectActiveCitizen);

  if (connection === 'connecting') return <Connecting />;
  if (connection === 'disconnected' && !citizen) return <Notice title={t('panel.notConnected')} />;
  if (citizen) return <CitizenView citizen={citizen} />;
  if (detection.status === 'ambiguous') return <CitizenChoice candidates={detection.candidates} />;
  if (detection.status === 'many')
    return <Notice title={t('many.title')} body={t('many.body', { count: String(detection.count) })} />;
  if (detection.status === 'invalid')
    return <Notice tone="warning" title={t('invalid.title')} body={t('invalid.body')} />;
  if (detection.status === 'unreadable')
    return <Notice tone="warning" title={t('unreadable.title')} body={t('unreadable.body')} />;
  return <Notice title={t('empty.title')} body={t('empty.body')} />;
}
