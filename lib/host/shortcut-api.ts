/**
 * The contract between the field script's shortcut listener (lib/host/shortcuts.ts,
 * in the case-system page) and the panel (lib/panel/shortcuts.ts). No zod here:
 * the field script bundles this file, and checks what it receives by hand.
 *
 * - The panel publishes which shortcuts exist in chrome.storage.local under
 *   SHORTCUTS_KEY (shortcut → template id, and the picker key). No citizen data.
 * - The field script asks the panel (runtime.sendMessage, answered by the panel
 *   of its own tab) to open a template's form, or the picker, aimed at a taught
 *   target. Only the matched template id and the target id leave the page.
 * - The panel tells the field script (tabs.sendMessage to the top frame) that the
 *   caseworker cancelled: the shortcut text goes back where it was.
 */

export const SHORTCUTS_KEY = 'shortcuts';

/** What the panel publishes for the field script. */
export interface ShortcutConfig {
  /** [shortcut, template id] pairs, personal shortcuts included. */
  list: [string, string][];
  /** The key that opens the picker, e.g. `Ctrl+Space` (see parseKey). */
  picker: string;
}

export const DEFAULT_PICKER_KEY = 'Ctrl+Space';

/** Field script → panel. */
export type FieldsToPanel =
  | { type: 'shortcut'; requestId: string; templateId: string; target: string }
  | { type: 'shortcut-picker'; requestId: string; target: string };

/** The panel's answer: it is open for that tab and took the request. */
export interface ShortcutAck {
  shown: true;
}

/** Panel → field script: the form (or picker) was closed without inserting; `restore` puts the shortcut back. */
export interface ShortcutCancel {
  type: 'shortcut-cancel';
  requestId: string;
}

/** Field script → service worker: which key opens the panel (for the hint when it cannot open). */
export interface ToggleKeyQuestion {
  type: 'toggle-key';
}

export interface KeySpec {
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  /** KeyboardEvent.code: `Space`, `KeyK`, `Period` … */
  code: string;
}

const MODIFIERS = ['Ctrl', 'Alt', 'Shift'] as const;

/**
 * `Ctrl+Space`, `Ctrl+Shift+K`, `Alt+Period`: one or more of Ctrl, Alt and Shift
 * (Ctrl is the Control key on every system, ⌘ is never used), then a key: a
 * letter, a digit, Space, Period or Comma. At least Ctrl or Alt, so typing
 * text never opens the picker. Undefined for anything else.
 */
export function parseKey(spec: string): KeySpec | undefined {
  const parts = spec.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  if (parts.some((p) => !(MODIFIERS as readonly string[]).includes(p)) || new Set(parts).size !== parts.length)
    return undefined;
  const code = /^[A-Z]$/i.test(key)
    ? `Key${key.toUpperCase()}`
    : /^\d$/.test(key)
      ? `Digit${key}`
      : ['Space', 'Period', 'Comma'].includes(key)
        ? key
        : '';
  const ctrl = parts.includes('Ctrl');
  const alt = parts.includes('Alt');
  if (!code || (!ctrl && !alt)) return undefined;
  return { ctrl, alt, shift: parts.includes('Shift'), code };
}

export const matchesKey = (e: KeyboardEvent, k: KeySpec): boolean =>
  e.code === k.code && e.ctrlKey === k.ctrl && e.altKey === k.alt && e.shiftKey === k.shift && !e.metaKey;

/** The stored config, checked by hand (the page cannot write chrome.storage, but an old version may have). */
export function readConfig(raw: unknown): ShortcutConfig {
  const config: ShortcutConfig = { list: [], picker: DEFAULT_PICKER_KEY };
  if (typeof raw !== 'object' || raw === null) return config;
  const { list, picker } = raw as Partial<Record<keyof ShortcutConfig, unknown>>;
  if (Array.isArray(list))
    config.list = list.filter(
      (p): p is [string, string] =>
        Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 80),
    );
  if (typeof picker === 'string' && parseKey(picker)) config.picker = picker;
  return config;
}

/** A cancel from the panel, checked by hand. */
export const isShortcutCancel = (v: unknown): v is ShortcutCancel =>
  typeof v === 'object' &&
  v !== null &&
  (v as ShortcutCancel).type === 'shortcut-cancel' &&
  typeof (v as ShortcutCancel).requestId === 'string' &&
  (v as ShortcutCancel).requestId.length <= 64 &&
  Object.keys(v).length === 2;
