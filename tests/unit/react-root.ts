import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

// Component tests (happy-dom): React's act() environment, and one root per test, gone after it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

/** Renders `element` into `container` (added to the body; a new div by default), unmounted after the test. */
export function render<T extends HTMLElement = HTMLDivElement>(
  element: ReactElement,
  container: T = document.createElement('div') as unknown as T,
): T {
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(element));
  return container;
}
