import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/i18n';
import { da, en } from '@/lib/i18n/messages';

describe('UI strings', () => {
  it('English has every Danish key, and no string is empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const value of [...Object.values(da), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(da) as (keyof typeof da)[]) expect(names(en[key])).toEqual(names(da[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('da')('notes.count', { count: 3 })).toBe('3 noter');
    expect(translator('en')('notes.count')).toBe('{count} {count|note|notes}');
  });

  it('chooses the word for the number by the plural rules of the language', () => {
    expect(translator('da')('notes.count', { count: 1 })).toBe('1 note');
    expect(translator('da')('notes.count', { count: 0 })).toBe('0 noter');
    expect(translator('da')('privacy.count.deadlines', { count: 1 })).toBe('1 frist');
    expect(translator('en')('editor.checklist.itemCount', { count: 1 })).toBe('1 item');
    expect(translator('en')('editor.checklist.itemCount', { count: 2 })).toBe('2 items');
  });
});
