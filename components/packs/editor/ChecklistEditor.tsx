import { useMemo, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { move, newItem } from '@/lib/packs/editor/build';
import type { DraftChecklist, DraftItem, DraftTemplate } from '@/lib/packs/editor/draft';
import { MEETING_TYPES } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';
import { CheckboxField, ListEntry, PathErrors, SelectField, TextField } from './EditorInputs';
import { secondaryButtonClass } from '@/components/ui/styles';

/** One checklist: what a meeting must cover, and the note text its ticked items write. */
export function ChecklistEditor({
  checklist,
  templates,
  path,
  onChange,
}: {
  checklist: DraftChecklist;
  templates: DraftTemplate[];
  path: string;
  onChange(checklist: DraftChecklist): void;
}) {
  const t = useT();
  const set = (patch: Partial<DraftChecklist>) => onChange({ ...checklist, ...patch });
  const [previewing, setPreviewing] = useState(false);

  return (
    <div className="mt-3 space-y-4">
      <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
        <TextField
          label={t('editor.checklist.title')}
          path={`${path}.title`}
          value={checklist.title}
          onChange={(title) => set({ title })}
        />
        <SelectField
          label={t('templates.meetingType')}
          path={`${path}.meetingType`}
          value={checklist.meetingType}
          options={MEETING_TYPES.map((m) => ({ value: m, label: t(`meeting.${m}` as MessageKey) }))}
          onChange={(meetingType) => set({ meetingType: meetingType as DraftChecklist['meetingType'] })}
        />
        <SelectField
          label={t('editor.checklist.template')}
          path={`${path}.templateId`}
          value={checklist.templateId}
          options={[
            { value: '', label: t('editor.checklist.noTemplate') },
            ...templates.filter((x) => x.id).map((x) => ({ value: x.id, label: x.title || x.id })),
          ]}
          onChange={(templateId) => set({ templateId })}
        />
        <TextField
          label={t('editor.legalBasis')}
          path={`${path}.legalBasis`}
          value={checklist.legalBasis}
          onChange={(legalBasis) => set({ legalBasis })}
        />
        <TextField
          label={t('editor.sourceUrl')}
          type="url"
          path={`${path}.sourceUrl`}
          value={checklist.sourceUrl}
          onChange={(sourceUrl) => set({ sourceUrl })}
        />
        <TextField
          label={t('editor.id')}
          help={t('editor.idHelp')}
          path={`${path}.id`}
          value={checklist.id}
          mono
          onChange={(id) => set({ id, autoId: false })}
        />
        <div className="grid grid-cols-3 gap-x-3 sm:col-span-2">
          <TextField
            label={t('editor.checkedAt')}
            type="date"
            path={`${path}.checkedAt`}
            value={checklist.checkedAt}
            onChange={(checkedAt) => set({ checkedAt })}
          />
          <TextField
            label={t('editor.validFrom')}
            type="date"
            path={`${path}.validFrom`}
            value={checklist.validFrom}
            onChange={(validFrom) => set({ validFrom })}
          />
          <TextField
            label={t('editor.validTo')}
            type="date"
            path={`${path}.validTo`}
            value={checklist.validTo}
            onChange={(validTo) => set({ validTo })}
          />
          <TextField
            label={t('editor.replaces')}
            help={t('editor.replacesHelp')}
            path={`${path}.replaces`}
            value={checklist.replaces ?? ''}
            mono
            onChange={(replaces) => set({ replaces })}
          />
        </div>
      </div>

      <ItemList items={checklist.items} path={path} onChange={(items) => set({ items })} />

      <div>
        <button
          type="button"
          className={secondaryButtonClass}
          aria-expanded={previewing}
          onClick={() => setPreviewing((p) => !p)}
        >
          {previewing ? t('editor.preview.hide') : t('editor.preview.show')}
        </button>
        {previewing && <ChecklistPreview checklist={checklist} templates={templates} />}
      </div>
    </div>
  );
}

/** The checklist's items, in order: each edited in place, moved, removed, or a new one added. */
function ItemList({ items, path, onChange }: { items: DraftItem[]; path: string; onChange(items: DraftItem[]): void }) {
  const t = useT();
  return (
    <section aria-label={t('editor.items')}>
      <h4 className="text-sm font-semibold">{t('editor.items')}</h4>
      <PathErrors path={`${path}.items`} />
      <ol className="mt-1 space-y-3">
        {items.map((item, i) => (
          <li key={item.key}>
            <ItemEditor
              item={item}
              index={i}
              count={items.length}
              path={`${path}.items.${i}`}
              onChange={(next) => onChange(items.map((x, j) => (j === i ? next : x)))}
              onMove={(by) => onChange(move(items, i, by))}
              onRemove={() => onChange(items.filter((_, j) => j !== i))}
            />
          </li>
        ))}
      </ol>
      <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => onChange([...items, newItem()])}>
        {t('editor.item.add')}
      </button>
    </section>
  );
}

/** One item of the checklist: what it asks, where its rule is, and what its tick writes. */
function ItemEditor({
  item,
  index,
  count,
  path,
  onChange,
  onMove,
  onRemove,
}: {
  item: DraftItem;
  index: number;
  count: number;
  path: string;
  onChange(item: DraftItem): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const t = useT();
  const name = item.title || t('editor.item.untitled', { n: index + 1 });
  return (
    <ListEntry
      testId="item-editor"
      legend={t('editor.item.legend', { n: index + 1 })}
      name={name}
      index={index}
      count={count}
      removeQuestion={t('editor.item.removeQuestion', { name })}
      path={path}
      onMove={onMove}
      onRemove={onRemove}
    >
      <div className="grid grid-cols-1 gap-x-3 gap-y-2 sm:grid-cols-2">
        <TextField
          label={t('editor.item.title')}
          path={`${path}.title`}
          value={item.title}
          onChange={(title) => onChange({ ...item, title })}
        />
        <TextField
          label={t('editor.item.help')}
          path={`${path}.help`}
          value={item.help}
          onChange={(help) => onChange({ ...item, help })}
        />
        <TextField
          label={t('editor.item.legalBasis')}
          path={`${path}.legalBasis`}
          value={item.legalBasis}
          onChange={(legalBasis) => onChange({ ...item, legalBasis })}
        />
        <TextField
          label={t('editor.item.sourceUrl')}
          type="url"
          path={`${path}.sourceUrl`}
          value={item.sourceUrl}
          onChange={(sourceUrl) => onChange({ ...item, sourceUrl })}
        />
        <TextField
          className="sm:col-span-2"
          label={t('editor.item.noteText')}
          help={t('editor.item.noteTextHelp')}
          path={`${path}.noteText`}
          value={item.noteText}
          multiline
          rows={2}
          onChange={(noteText) => onChange({ ...item, noteText })}
        />
        <TextField
          label={t('editor.item.field')}
          help={t('editor.item.fieldHelp')}
          path={`${path}.field`}
          value={item.field ?? ''}
          onChange={(field) => onChange({ ...item, field })}
        />
        <CheckboxField
          label={t('editor.item.tickedByInsert')}
          checked={item.tickedByInsert ?? false}
          onChange={(tickedByInsert) => onChange({ ...item, tickedByInsert })}
        />
        <CheckboxField
          label={t('editor.item.required')}
          checked={item.required}
          onChange={(required) => onChange({ ...item, required })}
        />
      </div>
    </ListEntry>
  );
}

/** The checklist as a list, the way the caseworker works through it. */
function ChecklistPreview({ checklist, templates }: { checklist: DraftChecklist; templates: DraftTemplate[] }) {
  const t = useT();
  const linked = useMemo(
    () => templates.find((x) => x.id && x.id === checklist.templateId),
    [templates, checklist.templateId],
  );
  return (
    <div
      className="mt-2 max-w-md rounded border border-slate-300 bg-white p-3 shadow-sm"
      data-testid="editor-checklist-preview"
    >
      <h5 className="text-base font-semibold">{checklist.title || t('editor.checklist.untitled')}</h5>
      <p className="text-xs text-slate-700">
        {t(`meeting.${checklist.meetingType}` as MessageKey)}
        {linked && <> · {t('editor.checklist.writesInto', { title: linked.title || linked.id })}</>}
      </p>
      <ul className="mt-2 space-y-2">
        {checklist.items.map((item) => (
          <li key={item.key} className="flex gap-2 text-sm">
            <span
              aria-hidden="true"
              className="mt-0.5 inline-block h-4 w-4 shrink-0 rounded-sm border border-slate-500"
            />
            <span>
              <span className="font-medium">{item.title}</span>
              {item.required && (
                <span className="text-red-800">
                  {' '}
                  *<span className="sr-only">({t('templates.required')})</span>
                </span>
              )}
              {item.help && <span className="block text-xs text-slate-600">{item.help}</span>}
              {item.legalBasis && <span className="block text-xs text-slate-600">{item.legalBasis}</span>}
              {item.noteText && (
                <span className="block text-xs text-slate-700 italic">
                  {t('editor.item.writes')}: {item.noteText}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
