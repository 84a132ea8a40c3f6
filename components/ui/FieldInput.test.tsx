// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '@/lib/templates/form';
import type { TemplateField } from '@/lib/templates/schema';
import { render, unmount } from '../../tests/unit/react-root';
import { FieldInput } from './FieldInput';

/** Renders one field with `value` and returns its inputs' labels and tab indexes in order. */
function tabStops(field: TemplateField, value: FieldValue | undefined): string[] {
  const host = render(<FieldInput field={field} value={value} invalid={false} onChange={() => {}} />);
  return [...host.querySelectorAll('input')].map((i) => `${i.parentElement!.textContent}:${i.tabIndex}`);
}

const yesno = { id: 'bisidder', kind: 'yesno', label: 'Bisidder', required: true } as TemplateField;

describe('yes/no is one Tab stop: the answer, or Ja while unanswered (keyboard.spec moves within it by the arrow keys)', () => {
  it('unanswered: Ja alone is in the tab order', async () => {
    expect(tabStops(yesno, undefined)).toEqual(['Ja:0', 'Nej:-1']);
    await unmount();
    expect(tabStops(yesno, null)).toEqual(['Ja:0', 'Nej:-1']);
  });

  it('answered: the answer alone is in the tab order', async () => {
    expect(tabStops(yesno, false)).toEqual(['Ja:-1', 'Nej:0']);
    await unmount();
    expect(tabStops(yesno, true)).toEqual(['Ja:0', 'Nej:-1']);
  });

  it('tick boxes stay one Tab stop each', () => {
    const choices = {
      id: 'grunde',
      kind: 'choices',
      label: 'Grunde',
      required: false,
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    } as TemplateField;
    expect(tabStops(choices, ['b'])).toEqual(['A:0', 'B:0']);
  });
});
