import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { loadTemplatePrefs, saveTemplatePrefs, type TemplatePrefs } from '@/lib/panel/preferences';
import { Notice } from '@/components/ui/Notice';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { TemplateForm } from './TemplateForm';
import { TemplatePicker } from './TemplatePicker';

/** The templates tab: pick a template, fill it in, insert it into the journal. */
export function TemplatesView({ citizen, citizenKey }: { citizen: CitizenOnPage; citizenKey: string }) {
  const t = useT();
  const { repository } = usePanelServices();
  const loaded = useLiveQuery(() => repository.templates.list(), [repository]);
  const draftIds = useLiveQuery(() => repository.formDrafts.templateIdsFor(citizenKey), [repository, citizenKey]);
  const [prefs, setPrefs] = useState<TemplatePrefs>({ favourites: [], recent: {} });
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    void loadTemplatePrefs().then(setPrefs);
  }, []);

  const updatePrefs = (next: TemplatePrefs) => {
    setPrefs(next);
    void saveTemplatePrefs(next);
  };

  const open = useMemo(() => loaded?.templates.find((tpl) => tpl.id === openId), [loaded, openId]);

  if (!loaded) return <p className="px-4 py-3 text-sm text-slate-600">{t('templates.loading')}</p>;
  return (
    <div className="px-4 py-3">
      {loaded.broken.length > 0 && (
        <Notice tone="warning" title={t('templates.broken', { count: loaded.broken.length })} />
      )}
      {open ? (
        <TemplateForm
          key={open.id}
          template={open}
          citizen={citizen}
          citizenKey={citizenKey}
          onBack={() => setOpenId(null)}
          onInserted={() => updatePrefs({ ...prefs, recent: { ...prefs.recent, [open.id]: Date.now() } })}
        />
      ) : (
        <TemplatePicker
          templates={loaded.templates}
          prefs={prefs}
          draftIds={draftIds ?? []}
          onOpen={setOpenId}
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
