import { useId, useState } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { personalShortcutProblem, savePersonalShortcut } from '@/lib/panel/shortcuts';
import type { Template } from '@/lib/templates/schema';
import { useT } from '@/components/ui/i18n';

/**
 * The template's shortcut from the pack, and the caseworker's own one (kept in
 * this browser only): typed in the case system's journal field, then Tab.
 */
export function ShortcutLine({
  template,
  personal,
  templates,
}: {
  template: Template;
  personal: Record<string, string>;
  templates: Template[];
}) {
  const t = useT();
  const id = useId();
  const own = personal[template.id];
  const [value, setValue] = useState(own ?? '');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; key: MessageKey; shortcut?: string } | null>(null);

  const save = async () => {
    const shortcut = value.trim();
    if (!shortcut) {
      await savePersonalShortcut(template.id, null);
      return setMessage({ tone: 'ok', key: 'shortcut.removed' });
    }
    const problem = personalShortcutProblem(shortcut, template.id, templates, personal);
    if (problem) return setMessage({ tone: 'error', key: problem });
    await savePersonalShortcut(template.id, shortcut);
    setMessage({ tone: 'ok', key: 'shortcut.saved', shortcut });
  };

  return (
    <details className="mt-1 text-xs text-slate-700">
      <summary className="cursor-pointer">
        {t('shortcut.label')}:{' '}
        {[template.shortcut, own].filter(Boolean).map((s, i) => (
          <span key={s}>
            {i > 0 && ', '}
            <kbd className="rounded border border-slate-400 bg-slate-50 px-1 font-mono" data-testid="template-shortcut">
              {s}
            </kbd>
          </span>
        ))}
        {!template.shortcut && !own && '–'}
      </summary>
      <div className="mt-1 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${id}-own`} className="block font-medium">
            {t('shortcut.personal')}
          </label>
          <input
            id={`${id}-own`}
            aria-describedby={`${id}-help`}
            className="mt-0.5 w-28 rounded border border-slate-400 px-1 py-0.5 font-mono"
            value={value}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void save();
              }
            }}
          />
        </div>
        <button
          type="button"
          className="rounded border border-slate-400 px-2 py-0.5 hover:bg-slate-100"
          onClick={() => void save()}
        >
          {t('shortcut.save')}
        </button>
      </div>
      <p id={`${id}-help`} className="mt-0.5">
        {t('shortcut.personalHelp')}
      </p>
      <p role="status" className={message?.tone === 'error' ? 'text-red-800' : 'text-green-900'}>
        {message && t(message.key, message.shortcut ? { shortcut: message.shortcut } : undefined)}
      </p>
    </details>
  );
}
