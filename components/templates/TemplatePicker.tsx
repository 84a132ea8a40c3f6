import { useEffect, useMemo, useRef, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { TemplatePrefs } from '@/lib/panel/preferences';
import { isInForce } from '@/lib/packs/validity';
import { isoToday } from '@/lib/templates/form';
import { fuzzyScore } from '@/lib/templates/fuzzy';
import { MEETING_TYPES } from '@/lib/templates/vocabulary';
import type { Template } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';

const danishDate = (iso: string) => iso.split('-').reverse().join('.');

/** Favourites first, then the most recently used, then by title; a query ranks by match. */
export function rankTemplates(
  templates: Template[],
  prefs: TemplatePrefs,
  query: string,
  meetingType: string,
): Template[] {
  const rank = (tpl: Template) => (prefs.favourites.includes(tpl.id) ? 2 : 0) + (prefs.recent[tpl.id] ? 1 : 0);
  return templates
    .filter((tpl) => !meetingType || tpl.meetingType === meetingType)
    .map((tpl) => ({ tpl, score: fuzzyScore(query, tpl.title) }))
    .filter((x): x is { tpl: Template; score: number } => x.score !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        rank(b.tpl) - rank(a.tpl) ||
        (prefs.recent[b.tpl.id] ?? 0) - (prefs.recent[a.tpl.id] ?? 0) ||
        a.tpl.title.localeCompare(b.tpl.title, 'da'),
    )
    .map((x) => x.tpl);
}

export function TemplatePicker({
  templates,
  prefs,
  draftIds,
  personal = {},
  picking = false,
  onOpen,
  onCancel,
  onToggleFavourite,
}: {
  templates: Template[];
  prefs: TemplatePrefs;
  draftIds: string[];
  /** The caseworker's own shortcuts (template id → shortcut). */
  personal?: Record<string, string>;
  /** Asked for by the picker key in a host field: the search takes focus, and Escape goes back there. */
  picking?: boolean;
  onOpen(id: string): void;
  onCancel?(): void;
  onToggleFavourite(id: string): void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (picking) search.current?.focus();
  }, [picking]);
  const shortcutsOf = (tpl: Template) => [tpl.shortcut, personal[tpl.id]].filter((s): s is string => !!s);
  const [meetingType, setMeetingType] = useState('');
  // Expired templates (and those not yet in force) are hidden unless the caseworker asks.
  const [showOutOfForce, setShowOutOfForce] = useState(false);
  const today = isoToday();
  const outOfForce = templates.filter((tpl) => !isInForce(tpl, today)).length;
  const shown = useMemo(() => {
    // A template with a draft stays in view, so work in progress is not lost from sight.
    const candidates = showOutOfForce
      ? templates
      : templates.filter((tpl) => isInForce(tpl, today) || draftIds.includes(tpl.id));
    // A shortcut typed in the search finds its template.
    const typed = query.trim();
    const byShortcut = candidates.filter((tpl) => typed && (tpl.shortcut === typed || personal[tpl.id] === typed));
    return byShortcut.length > 0 ? byShortcut : rankTemplates(candidates, prefs, query, meetingType);
  }, [templates, prefs, query, meetingType, showOutOfForce, today, draftIds, personal]);

  return (
    <div
      onKeyDown={(e) => {
        if (picking && e.key === 'Escape') {
          e.preventDefault();
          onCancel?.();
        }
      }}
    >
      {picking && <PickingHeader onCancel={onCancel} />}
      {/* The search is what is used all day: at the default width it gets the row, the filter goes below. */}
      <div className="flex flex-wrap gap-2">
        <div className="min-w-56 flex-1">
          <label htmlFor="template-search" className="text-sm font-medium">
            {t('templates.search')}
          </label>
          <input
            ref={search}
            id="template-search"
            type="search"
            autoComplete="off"
            className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 text-sm focus:outline-2 focus:outline-sky-700"
            placeholder={t('templates.search.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) {
                e.preventDefault();
                onOpen(shown[0].id);
              }
            }}
          />
        </div>
        <MeetingTypeSelect value={meetingType} onChange={setMeetingType} />
      </div>
      {outOfForce > 0 && (
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showOutOfForce} onChange={(e) => setShowOutOfForce(e.target.checked)} />
          {t('templates.showOutOfForce', { count: outOfForce })}
        </label>
      )}
      {shown.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('templates.none')}</p>
      ) : (
        <ul className="mt-3 space-y-2" aria-label={t('tabs.templates')}>
          {shown.map((tpl) => (
            <TemplateRow
              key={tpl.id}
              template={tpl}
              shortcuts={shortcutsOf(tpl)}
              favourite={prefs.favourites.includes(tpl.id)}
              hasDraft={draftIds.includes(tpl.id)}
              today={today}
              onOpen={onOpen}
              onToggleFavourite={onToggleFavourite}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One template in the list: opens its form; the star keeps it first. */
function TemplateRow({
  template: tpl,
  shortcuts,
  favourite,
  hasDraft,
  today,
  onOpen,
  onToggleFavourite,
}: {
  template: Template;
  shortcuts: string[];
  favourite: boolean;
  hasDraft: boolean;
  today: string;
  onOpen(id: string): void;
  onToggleFavourite(id: string): void;
}) {
  const t = useT();
  return (
    <li className="flex items-stretch rounded border border-slate-300 bg-white">
      <button
        type="button"
        className="min-w-0 flex-1 px-3 py-2 text-left hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700"
        onClick={() => onOpen(tpl.id)}
      >
        <span className="block text-sm font-semibold">
          {tpl.title}
          {hasDraft && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">
              {t('templates.hasDraft')}
            </span>
          )}
        </span>
        <span className="block text-xs text-slate-600">
          {shortcuts.map((s) => (
            <kbd key={s} className="mr-1 rounded border border-slate-400 bg-slate-50 px-1 font-mono text-slate-800">
              {s}
            </kbd>
          ))}
          {t(`meeting.${tpl.meetingType}` as MessageKey)}
          {!isInForce(tpl, today)
            ? ` · ${t(today < tpl.validFrom ? 'templates.validFrom' : 'templates.expiredShort', { date: danishDate(today < tpl.validFrom ? tpl.validFrom : tpl.validTo!) })}`
            : tpl.validTo
              ? ` · ${t('templates.validTo', { date: danishDate(tpl.validTo) })}`
              : ''}
        </span>
      </button>
      <button
        type="button"
        className="px-3 text-lg text-amber-700 hover:bg-amber-50 focus-visible:outline-2 focus-visible:outline-sky-700"
        aria-pressed={favourite}
        aria-label={t(favourite ? 'templates.favourite.remove' : 'templates.favourite.add', {
          title: tpl.title,
        })}
        onClick={() => onToggleFavourite(tpl.id)}
      >
        <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
      </button>
    </li>
  );
}

/** Opened by the picker key in a host field: says so, and offers the way back. */
function PickingHeader({ onCancel }: { onCancel?(): void }) {
  const t = useT();
  return (
    <div className="mb-2 flex items-center justify-between gap-2">
      <h2 className="text-base font-semibold" data-testid="shortcut-picker">
        {t('shortcut.pickerTitle')}
      </h2>
      <button
        type="button"
        className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
        onClick={onCancel}
      >
        {t('shortcut.cancel')}
      </button>
    </div>
  );
}

function MeetingTypeSelect({ value, onChange }: { value: string; onChange(value: string): void }) {
  const t = useT();
  return (
    <div>
      <label htmlFor="template-type" className="text-sm font-medium">
        {t('templates.meetingType')}
      </label>
      <select
        id="template-type"
        className="mt-1 block rounded border border-slate-400 px-1 py-1 text-sm"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('templates.meetingType.all')}</option>
        {MEETING_TYPES.map((m) => (
          <option key={m} value={m}>
            {t(`meeting.${m}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
}
