// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it, vi } from 'vitest';
import { render } from '../../tests/unit/react-root';
import { FormFooter } from './FormSections';

it('the insert button takes the first click of a double click only: no second insertion, and no "Indsæt alligevel" past an unseen warning', () => {
  const submitted = vi.fn((e: SubmitEvent) => e.preventDefault());
  const form = document.createElement('form');
  form.addEventListener('submit', submitted);
  render(
    <FormFooter
      targetLine={null}
      chooser={null}
      missingCount={0}
      busy={false}
      insertAnyway={false}
      draftFailing={false}
    />,
    form,
  );
  const button = form.querySelector('button[type="submit"]')!;
  const click = (detail: number) =>
    act(() => void button.dispatchEvent(new MouseEvent('click', { detail, bubbles: true, cancelable: true })));
  click(1);
  click(2);
  expect(submitted).toHaveBeenCalledTimes(1);
  click(1);
  expect(submitted).toHaveBeenCalledTimes(2);
});
