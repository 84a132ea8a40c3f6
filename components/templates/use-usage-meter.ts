import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { countQuietly, type UsageRepository } from '@/lib/usage/repository';

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'Fn', 'OS']);

/**
 * Time spent in a template's form by citizen and template, in this panel's
 * memory only (never stored): leaving the form for another tab and coming
 * back goes on counting from where it was.
 */
const spent = new Map<string, number>();

/**
 * Measures one template use (issue 32, item 3): keys pressed and clicks in
 * the form, and the time from opening it to inserting. `loaded` turns true
 * when the form's values are there; `hadDraft` is whether they came from a
 * draft saved earlier. Spread `handlers` on the form; call `templateUsed` once
 * the note went into the case system. Nothing of what is typed is kept: only
 * that a key was pressed.
 */
export function useUsageMeter(
  usage: UsageRepository,
  citizenKey: string,
  templateId: string,
  { loaded, hadDraft }: { loaded: boolean; hadDraft: boolean },
) {
  const key = `${citizenKey}:${templateId}`;
  const counts = useRef({ keystrokes: 0, clicks: 0, openedAt: 0 });
  const resumed = useRef<boolean | null>(null);
  // Read before any effect of this form ran (React's strict mode runs them twice).
  const [counted] = useState(() => spent.has(key));

  useEffect(() => {
    const opened = counts.current;
    opened.openedAt = performance.now();
    return () => {
      spent.set(key, (spent.get(key) ?? 0) + performance.now() - opened.openedAt);
    };
  }, [key]);

  // A draft saved in an earlier session of the panel: the time spent on it then is not known.
  useEffect(() => {
    if (loaded && resumed.current === null) resumed.current = hadDraft && !counted;
  }, [loaded, hadDraft, counted]);

  const onKeyDownCapture = useCallback((e: KeyboardEvent) => {
    if (!MODIFIERS.has(e.key)) counts.current.keystrokes++;
  }, []);
  const onPointerDownCapture = useCallback(() => {
    counts.current.clicks++;
  }, []);

  /** Records the use and starts counting the next one. Never throws: the count is not worth a failed insertion. */
  const templateUsed = useCallback(
    async (template: { id: string; title: string }, note: string) => {
      const c = counts.current;
      const t = performance.now();
      const formMs = Math.round((spent.get(key) ?? 0) + t - c.openedAt);
      const use = {
        templateId: template.id,
        templateTitle: template.title,
        noteChars: [...note].length,
        keystrokes: c.keystrokes,
        clicks: c.clicks,
        formMs,
        resumed: resumed.current ?? false,
      };
      spent.delete(key);
      counts.current = { keystrokes: 0, clicks: 0, openedAt: t };
      resumed.current = false;
      await countQuietly(() => usage.templateUsed(use));
    },
    [usage, key],
  );

  return { handlers: { onKeyDownCapture, onPointerDownCapture }, templateUsed };
}
