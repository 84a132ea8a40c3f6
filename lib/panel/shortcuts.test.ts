import { describe, expect, it } from 'vitest';
import { isShortcutCancel, parseKey, readConfig } from '../host/shortcut-api';
import { packSchema } from '../packs/schema';
import { defaultPack } from '../packs/default-pack';
import { fieldsToPanelSchema, shortcutCancelSchema } from '../messaging/protocol';
import { SHORTCUT_PATTERN, type Template } from '../templates/schema';
import { personalShortcutProblem, shortcutList } from './shortcuts';

const templates = () => packSchema.parse(defaultPack).templates;

describe('template shortcuts', () => {
  it('the default pack gives every template its own shortcut, ;fj for første jobsamtale', () => {
    const all = templates();
    expect(all.every((t) => t.shortcut && SHORTCUT_PATTERN.test(t.shortcut))).toBe(true);
    expect(new Set(all.map((t) => t.shortcut)).size).toBe(all.length);
    expect(all.find((t) => t.id === 'dk.default.foerste-jobsamtale')?.shortcut).toBe(';fj');
  });

  it('refuses a pack where two templates in force at once share a shortcut, allows a successor to take it over', () => {
    const [a, b] = templates() as [Template, Template];
    const clash = { ...defaultPack, templates: [a, { ...b, shortcut: a.shortcut }] };
    const result = packSchema.safeParse(clash);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'templates.1.shortcut',
      `The shortcut "${a.shortcut}" is already the template "${a.id}"'s`,
    ]);
    const successor = { ...a, id: `${a.id}-2027`, validFrom: '2027-01-01', validTo: undefined, replaces: a.id };
    expect(packSchema.safeParse({ ...defaultPack, checklists: [], templates: [a, successor] }).success).toBe(true);
  });

  it('refuses shortcuts that ordinary words could trigger', () => {
    for (const ok of [';fj', ':kn', '/afg', '!x', '#mødet', '+a1', '-z', '.øæå'])
      expect(SHORTCUT_PATTERN.test(ok)).toBe(true);
    for (const bad of ['fj', ';', ';f j', ';' + 'x'.repeat(16), ';;fj', 'hej;'])
      expect(SHORTCUT_PATTERN.test(bad)).toBe(false);
  });

  it('lists the pack’s shortcuts and the caseworker’s own; the one in force wins a shared shortcut', () => {
    const [a, b] = templates() as [Template, Template];
    const old = { ...b, id: 'old', shortcut: a.shortcut, validFrom: '2020-01-01', validTo: '2020-12-31' };
    const list = shortcutList([old, a, b], { [b.id]: ';mit', unknown: ';x', [a.id]: b.shortcut! }, '2026-12-06');
    expect(list).toEqual([
      [a.shortcut, a.id],
      [b.shortcut, b.id],
      [';mit', b.id],
    ]);
    expect(personalShortcutProblem('fj', a.id, [a, b], {})).toBe('shortcut.invalid');
    expect(personalShortcutProblem(b.shortcut!, a.id, [a, b], {})).toBe('shortcut.taken');
    expect(personalShortcutProblem(';ny', a.id, [a, b], {})).toBeNull();
  });

  it('reads the picker key: Control (never ⌘), Alt and Shift, and a plain key', () => {
    expect(parseKey('Ctrl+Space')).toEqual({ ctrl: true, alt: false, shift: false, code: 'Space' });
    expect(parseKey('Ctrl+Shift+K')).toEqual({ ctrl: true, alt: false, shift: true, code: 'KeyK' });
    expect(parseKey('Alt+7')).toEqual({ ctrl: false, alt: true, shift: false, code: 'Digit7' });
    for (const bad of ['Space', 'Shift+K', 'Cmd+Space', 'Ctrl+Ctrl+K', 'Ctrl+F5', ''])
      expect(parseKey(bad)).toBeUndefined();
  });

  it('the field script reads the published list and the cancel by hand, as the zod schemas do', () => {
    expect(readConfig({ list: [[';fj', 'a'], [';x'], [1, 'b']], picker: 'Cmd+K' })).toEqual({
      list: [[';fj', 'a']],
      picker: 'Ctrl+Space',
    });
    expect(readConfig(null)).toEqual({ list: [], picker: 'Ctrl+Space' });
    for (const message of [
      { type: 'shortcut-cancel', requestId: 'abc' },
      { type: 'shortcut-cancel', requestId: 'x'.repeat(65) },
      { type: 'shortcut-cancel', requestId: 'abc', text: ';fj' },
      { type: 'shortcut-cancel' },
    ])
      expect(isShortcutCancel(message)).toBe(shortcutCancelSchema.safeParse(message).success);
  });

  it('the field script sends ids only: no text from the host fits the message', () => {
    const ok = { type: 'shortcut', requestId: 'r1', templateId: 'dk.default.kontaktnotat', target: '0' };
    expect(fieldsToPanelSchema.safeParse(ok).success).toBe(true);
    expect(fieldsToPanelSchema.safeParse({ ...ok, text: 'Borgeren …' }).success).toBe(false);
    expect(fieldsToPanelSchema.safeParse({ type: 'shortcut-picker', requestId: 'r1', target: '0' }).success).toBe(true);
  });
});
