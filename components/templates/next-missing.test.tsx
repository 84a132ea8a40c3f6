// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateField } from '@/lib/templates/schema';
import { focusField, focusFirstMissing, isNextMissingKey } from './next-missing';

const field = (id: string, kind: TemplateField['kind'] = 'text') =>
  ({ id, kind, label: id, required: true }) as TemplateField;

/** Builds `tag` with attributes and children. */
function el(tag: string, attrs: Record<string, string>, ...children: Node[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** A select, yes/no radios (Nej checked), two checkboxes and a text field, as FieldInput renders them. */
function form() {
  document.body.replaceChildren(
    el(
      'form',
      {},
      el('select', { id: 'tf-kanal' }, el('option', { value: '' })),
      el(
        'fieldset',
        { id: 'tf-bisidder' },
        el('legend', {}),
        el('input', { type: 'radio', name: 'b', id: 'ja' }),
        el('input', { type: 'radio', name: 'b', id: 'nej', checked: '' }),
      ),
      el(
        'fieldset',
        { id: 'tf-grunde' },
        el('legend', {}),
        el('input', { type: 'checkbox', id: 'g1' }),
        el('input', { type: 'checkbox', id: 'g2' }),
      ),
      el('input', { id: 'tf-oensker' }),
    ),
  );
}
afterEach(() => {
  document.body.replaceChildren();
});

describe('the first required field still missing (Alt+N and the footer’s button)', () => {
  it('focuses a field itself, or in a fieldset its checked input, else its first', () => {
    form();
    expect(focusField(document, 'tf-kanal')).toBe(true);
    expect(document.activeElement?.id).toBe('tf-kanal');
    expect(focusField(document, 'tf-bisidder')).toBe(true);
    expect(document.activeElement?.id).toBe('nej');
    expect(focusField(document, 'tf-grunde')).toBe(true);
    expect(document.activeElement?.id).toBe('g1');
    expect(focusField(document, 'tf-none')).toBe(false);
  });

  it('goes to the first of the missing fields, wherever focus is; with none missing, nowhere', () => {
    form();
    (document.getElementById('tf-oensker') as HTMLInputElement).focus();
    expect(focusFirstMissing(document, [field('grunde', 'choices'), field('oensker')])).toBe(true);
    expect(document.activeElement?.id).toBe('g1');
    expect(focusFirstMissing(document, [])).toBe(false);
    expect(document.activeElement?.id).toBe('g1');
  });

  it('is Alt+N by the key’s place (Option+N on a Mac types a dead key), never with Ctrl (AltGr), Meta or Shift', () => {
    const e = { code: 'KeyN', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(isNextMissingKey(e)).toBe(true);
    expect(isNextMissingKey({ ...e, ctrlKey: true })).toBe(false);
    expect(isNextMissingKey({ ...e, metaKey: true })).toBe(false);
    expect(isNextMissingKey({ ...e, shiftKey: true })).toBe(false);
    expect(isNextMissingKey({ ...e, altKey: false })).toBe(false);
    expect(isNextMissingKey({ ...e, code: 'KeyM' })).toBe(false);
  });
});
