import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { usePanelStore, type TemplateRequest } from '@/lib/panel/panel-store';
import { loadTemplatePrefs, saveTemplatePrefs, type TemplatePrefs } from '@/lib/panel/preferences';
import { cancelShortcut, loadPersonalShortcuts, PERSONAL_SHORTCUTS_KEY } from '@/lib/panel/shortcuts';
import { Notice } from '@/components/ui/Notice';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { TemplateForm, type Aim } from './TemplateForm';
import { TemplatePicker } from './TemplatePicker';
import { browser } from 'wxt/browser';

/** The caseworker's own shortcuts, kept up to date. */
export function usePersonalShortcuts(): Record<string, string> {
  const [personal, setPersonal] = useState<Record<string, string>>({});
  useEffect(() => {
    const load = () => void loadPersonalShortcuts().then(setPersonal);
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && PERSONAL_SHORTCUTS_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return personal;
}

/** The caseworker's favourite and recent templates, saved as they change. */
function useTemplatePrefs() {
  const [prefs, setPrefs] = useState<TemplatePrefs>({ favourites: [], recent: {} });
  useEffect(() => void loadTemplatePrefs().then(setPrefs), []);
  const update = (next: TemplatePrefs) => {
    setPrefs(next);
    void saveTemplatePrefs(next);
  };
  return [prefs, update] as const;
}

/**
 * The template form open in the tab. One left open when the caseworker went to
 * another tab (to tick a checklist, say) opens again on coming back, for the
 * same citizen (the panel store's `openForm`): not once its note is inserted
 * (`setDone`, until "Ny kladde"), and not a form opened from a shortcut (its
 * link to the host's field, and the shortcut to put back, are this view's only).
 */
function useOpenForm(citizenKey: string, aim: Aim | null) {
  const [openId, setId] = useState(() => {
    const left = usePanelStore.getState().openForm;
    return left?.citizenKey === citizenKey ? left.templateId : null;
  });
  const [done, setDone] = useState(false);
  const remember = openId && !aim?.requestId && !done ? openId : null;
  const setOpenForm = usePanelStore((s) => s.setOpenForm);
  useEffect(
    () => setOpenForm(remember ? { citizenKey, templateId: remember } : null),
    [setOpenForm, remember, citizenKey],
  );
  const setOpenId = (id: string | null) => {
    setDone(false);
    setId(id);
  };
  return { openId, setOpenId, setDone };
}

/** The templates tab: pick a template, fill it in, insert it into the journal. */
export function TemplatesView({ citizen, citizenKey }: { citizen: CitizenOnPage; citizenKey: string }) {
  const t = useT();
  const { repository, host } = usePanelServices();
  const loaded = useLiveQuery(() => repository.templates.list(), [repository]);
  const draftIds = useLiveQuery(() => repository.formDrafts.templateIdsFor(citizenKey), [repository, citizenKey]);
  const [prefs, updatePrefs] = useTemplatePrefs();
  // Opened from a shortcut in the host's field: aimed at that field, cancelled back into it.
  const [aim, setAim] = useState<Aim | null>(null);
  const { openId, setOpenId, setDone } = useOpenForm(citizenKey, aim);
  // The picker the picker key in a host field asked for.
  const [picking, setPicking] = useState<{ target: string; requestId: string } | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  // Each request opens the form afresh (focus, and the insert of a template without required fields).
  const [opening, setOpening] = useState(0);
  const request = usePanelStore((s) => s.templateRequest);
  const requestTemplate = usePanelStore((s) => s.requestTemplate);
  const personal = usePersonalShortcuts();

  // A shortcut typed in the host, the picker key, or a refused form to reopen: taken once
  // (a refused form only for its own citizen), then cleared from the store.
  const [taken, setTaken] = useState<TemplateRequest | null>(null);
  const unknown =
    request?.kind === 'template' && loaded && !loaded.templates.some((tpl) => tpl.id === request.templateId);
  if (
    request &&
    request !== taken &&
    loaded &&
    !(request.kind === 'template' && request.cpr !== undefined && request.cpr !== citizen.cpr)
  ) {
    setTaken(request);
    setNotice(unknown ? 'shortcut.unknown' : null);
    if (request.kind === 'picker') {
      setOpenId(null);
      setAim(null);
      setPicking({ target: request.target, requestId: request.requestId });
    } else if (!unknown) {
      setPicking(null);
      setOpenId(request.templateId);
      setOpening((n) => n + 1);
      setAim(request.target !== undefined ? { target: request.target, requestId: request.requestId } : null);
    }
  }
  useEffect(() => {
    if (!taken || request !== taken) return;
    requestTemplate(null);
    // A template no longer there: the shortcut goes back into the field.
    if (taken.kind === 'template' && taken.requestId && unknown) cancelShortcut(host, taken.requestId);
  }, [taken, request, requestTemplate, host, unknown]);

  const open = useMemo(() => loaded?.templates.find((tpl) => tpl.id === openId), [loaded, openId]);

  /** Leaving an aimed form or the picker without inserting: the shortcut goes back into the field. */
  const leave = () => {
    const requestId = aim?.requestId ?? picking?.requestId;
    if (requestId) cancelShortcut(host, requestId);
    setAim(null);
    setPicking(null);
    setOpenId(null);
  };

  if (!loaded) return <p className="px-4 py-3 text-sm text-slate-600">{t('templates.loading')}</p>;
  return (
    <div className="px-4 py-3">
      {loaded.broken.length > 0 && (
        <Notice tone="warning" title={t('templates.broken', { count: loaded.broken.length })} />
      )}
      {notice && <Notice tone="warning" title={t(notice)} />}
      {open ? (
        <TemplateForm
          key={`${open.id}-${opening}`}
          template={open}
          citizen={citizen}
          citizenKey={citizenKey}
          aim={aim ?? undefined}
          personal={personal}
          templates={loaded.templates}
          onBack={leave}
          onNewDraft={() => setDone(false)}
          restored={opening === 0}
          onInserted={() => {
            // Inserted: the shortcut is used up, nothing to put back; back in this tab later, the list.
            setAim((a) => a && { target: a.target });
            setDone(true);
            updatePrefs({ ...prefs, recent: { ...prefs.recent, [open.id]: Date.now() } });
          }}
        />
      ) : (
        <TemplatePicker
          templates={loaded.templates}
          prefs={prefs}
          draftIds={draftIds ?? []}
          personal={personal}
          picking={!!picking}
          onCancel={leave}
          onOpen={(id) => {
            if (picking) setAim({ target: picking.target, requestId: picking.requestId });
            setPicking(null);
            setOpening((n) => n + 1);
            setOpenId(id);
          }}
          onToggleFavourite={(id) =>
            updatePrefs({
              ...prefs,
              favourites: prefs.favourites.includes(id)
                ? prefs.favourites.filter((f) => f !== id)
                : [...prefs.favourites, id],
            })
          }
        />
      )}
    </div>
  );
}
