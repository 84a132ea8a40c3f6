import { browser } from 'wxt/browser';
import { lazySchema, z } from '../zod';
import {
  DEFAULT_PICKER_KEY,
  parseKey,
  SHORTCUTS_KEY,
  type ShortcutAck,
  type ShortcutConfig,
} from '../host/shortcut-api';
import { fieldsToPanelSchema, parseMessage, type ShortcutCancel } from '../messaging/protocol';
import { isInForce } from '../packs/validity';
import { isoToday } from '../templates/form';
import { SHORTCUT_PATTERN, type Template } from '../templates/schema';
import { isShownPanelFor } from './focus';
import type { HostConnection } from './host-connection';
import { usePanelStore } from './panel-store';

/**
 * The panel's half of template shortcuts (issue 32; the page's half is
 * lib/host/shortcuts.ts): it publishes which shortcuts exist, takes the field
 * script's requests for its own tab, and sends the cancel back.
 */

/** The caseworker's own shortcuts (template id → shortcut), kept in this browser only. */
export const PERSONAL_SHORTCUTS_KEY = 'personalShortcuts';
/** The key that opens the picker in a journal field (settable in the options page). */
export const PICKER_KEY_KEY = 'shortcutPickerKey';

const personalSchema = lazySchema(() => z.record(z.string().max(80), z.string().regex(SHORTCUT_PATTERN)));

export async function loadPersonalShortcuts(): Promise<Record<string, string>> {
  const stored = await browser.storage.local.get(PERSONAL_SHORTCUTS_KEY);
  return personalSchema.catch({}).parse(stored[PERSONAL_SHORTCUTS_KEY] ?? {});
}

export async function loadPickerKey(): Promise<string> {
  const stored = await browser.storage.local.get(PICKER_KEY_KEY);
  const key: unknown = stored[PICKER_KEY_KEY];
  return typeof key === 'string' && parseKey(key) ? key : DEFAULT_PICKER_KEY;
}

export async function savePickerKey(key: string): Promise<void> {
  if (!parseKey(key)) throw new Error(`Not a key: ${key}`);
  await browser.storage.local.set({ [PICKER_KEY_KEY]: key });
}

/**
 * Every template's shortcuts: the pack's, and the caseworker's own. A shortcut
 * two templates share (a successor and the item it replaces, or two packs)
 * goes to the one in force today, else the first.
 */
export function shortcutList(
  templates: Template[],
  personal: Record<string, string>,
  today: string = isoToday(),
): [string, string][] {
  const ids = new Set(templates.map((t) => t.id));
  const ordered = [...templates.filter((t) => isInForce(t, today)), ...templates.filter((t) => !isInForce(t, today))];
  const list: [string, string][] = [];
  const taken = new Set<string>();
  for (const t of ordered)
    if (t.shortcut && !taken.has(t.shortcut)) {
      list.push([t.shortcut, t.id]);
      taken.add(t.shortcut);
    }
  for (const [id, shortcut] of Object.entries(personal))
    if (ids.has(id) && !taken.has(shortcut)) {
      list.push([shortcut, id]);
      taken.add(shortcut);
    }
  return list;
}

/**
 * Why a personal shortcut cannot be used (a message key), or null: the form of a
 * shortcut, and not another template's.
 */
export function personalShortcutProblem(
  shortcut: string,
  templateId: string,
  templates: Template[],
  personal: Record<string, string>,
): 'shortcut.invalid' | 'shortcut.taken' | null {
  if (!SHORTCUT_PATTERN.test(shortcut)) return 'shortcut.invalid';
  const owner = shortcutList(templates, personal).find(([s]) => s === shortcut)?.[1];
  return owner && owner !== templateId ? 'shortcut.taken' : null;
}

export async function savePersonalShortcut(templateId: string, shortcut: string | null): Promise<void> {
  const personal = await loadPersonalShortcuts();
  if (shortcut) personal[templateId] = shortcut;
  else delete personal[templateId];
  await browser.storage.local.set({ [PERSONAL_SHORTCUTS_KEY]: personal });
}

/** Writes what the field script reads (lib/host/shortcut-api.ts), when it changed. */
export async function publishShortcuts(templates: Template[]): Promise<void> {
  const [personal, picker, stored] = await Promise.all([
    loadPersonalShortcuts(),
    loadPickerKey(),
    browser.storage.local.get(SHORTCUTS_KEY),
  ]);
  const config: ShortcutConfig = { list: shortcutList(templates, personal), picker };
  if (JSON.stringify(stored[SHORTCUTS_KEY]) !== JSON.stringify(config))
    await browser.storage.local.set({ [SHORTCUTS_KEY]: config });
}

/**
 * Takes the field script's requests for this panel's tab, and only while this
 * panel is the one the caseworker sees: the browser's side panel, or the
 * in-page one when the side layout is off and no modal dialog makes it inert.
 * A folded in-page panel unfolds. Unanswered, the field script shows the hint.
 */
export function listenForShortcuts(host: HostConnection): () => void {
  const listener = (
    raw: unknown,
    sender: { id?: string; tab?: { id?: number }; frameId?: number },
    sendResponse: (answer: ShortcutAck) => void,
  ) => {
    if (!isShownPanelFor(host, sender)) return undefined;
    const message = parseMessage(fieldsToPanelSchema, raw);
    if (!message) return undefined;
    const s = usePanelStore.getState();
    if (s.surface !== 'side' && s.layout.collapsed) host.send({ type: 'set-collapsed', collapsed: false });
    s.setTab('templates');
    s.requestTemplate(
      message.type === 'shortcut'
        ? { kind: 'template', templateId: message.templateId, target: message.target, requestId: message.requestId }
        : { kind: 'picker', target: message.target, requestId: message.requestId },
    );
    sendResponse({ shown: true });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The caseworker closed the form or picker without inserting: the field gets its shortcut back. */
export function cancelShortcut(host: HostConnection, requestId: string): void {
  const tabId = host.tabId();
  if (tabId === undefined) return;
  const message: ShortcutCancel = { type: 'shortcut-cancel', requestId };
  void browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}
