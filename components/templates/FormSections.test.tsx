// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import { FormFooter } from './FormSections';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

it('the insert button takes the first click of a double click only: no second insertion, and no "Indsæt alligevel" past an unseen warning', () => {
  const submitted = vi.fn((e: SubmitEvent) => e.preventDefault());
  const form = document.createElement('form');
  form.addEventListener('submit', submitted);
  document.body.append(form);
  root = createRoot(form);
  act(() =>
    root!.render(<FormFooter targetLine={null} chooser={null} missingCount={0} busy={false} insertAnyway={false} />),
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
