import type { MessageKey } from '@/lib/i18n/messages';
import { move, newTemplate } from '@/lib/packs/editor/build';
import type { DraftTemplate, PackDraft } from '@/lib/packs/editor/draft';
import { isoToday } from '@/lib/templates/form';
import { useT } from '@/components/ui/i18n';
import { primaryButtonClass } from '@/components/ui/styles';
import { ItemList } from './ItemList';
import { TemplateEditor } from './TemplateEditor';
import { TemplateGuide } from './TemplateGuide';

type KeyState = [string | null, (key: string | null) => void];

/**
 * The pack's templates, one open at a time: in the full editor, or, for one
 * begun with "Ny skabelon trin for trin", in the guide until it is done.
 */
export function TemplateList({
  draft,
  update,
  errorCount,
  open: [openKey, setOpenKey],
  guide: [guideKey, setGuideKey],
}: {
  draft: PackDraft;
  update(change: (d: PackDraft) => PackDraft): void;
  /** The errors shown inside `templates.N`. */
  errorCount(prefix: string): number;
  open: KeyState;
  guide: KeyState;
}) {
  const t = useT();
  const setTemplate = (tpl: DraftTemplate) =>
    update((d) => ({ ...d, templates: d.templates.map((y) => (y.key === tpl.key ? tpl : y)) }));
  const addTemplate = (guided: boolean) => {
    const tpl = newTemplate(draft, isoToday());
    update((d) => ({ ...d, templates: [...d.templates, tpl] }));
    setOpenKey(tpl.key);
    setGuideKey(guided ? tpl.key : null);
  };
  return (
    <ItemList
      heading={t('editor.templates')}
      addLabel={t('editor.template.add')}
      items={draft.templates.map((x, i) => ({
        key: x.key,
        title: x.title || t('editor.template.untitled', { n: i + 1 }),
        detail: `${t(`meeting.${x.meetingType}` as MessageKey)} · ${t('editor.template.fieldCount', { count: x.fields.length })}`,
        errors: errorCount(`templates.${i}`),
        body:
          guideKey === x.key ? (
            <TemplateGuide
              template={x}
              path={`templates.${i}`}
              onChange={setTemplate}
              onDone={() => setGuideKey(null)}
            />
          ) : (
            <TemplateEditor template={x} path={`templates.${i}`} onChange={setTemplate} />
          ),
      }))}
      openKey={openKey}
      setOpenKey={setOpenKey}
      removeQuestion={(name) => t('editor.template.removeQuestion', { name })}
      onAdd={() => addTemplate(false)}
      extraAction={
        <button type="button" className={`${primaryButtonClass} mt-2 mr-2`} onClick={() => addTemplate(true)}>
          {t('guide.start')}
        </button>
      }
      onMove={(i, by) => update((d) => ({ ...d, templates: move(d.templates, i, by) }))}
      onRemove={(i) => update((d) => ({ ...d, templates: d.templates.filter((_, j) => j !== i) }))}
      testId="editor-template"
    />
  );
}
