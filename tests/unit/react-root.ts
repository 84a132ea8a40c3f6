import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

// Component tests (happy-dom): React's act() environment, and one root per test, gone after it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let mountedIn: HTMLElement | undefined;
afterEach(async () => {
  await unmount();
  document.body.replaceChildren();
});

/** Renders `element` into `container` (added to the body; a new div by default), unmounted after the test. */
export function render<T extends HTMLElement = HTMLDivElement>(
  element: ReactElement,
  container: T = document.createElement('div') as unknown as T,
): T {
  if (root) throw new Error('render: a root is mounted; await unmount() first, or renderSettled() to render again');
  document.body.append(container);
  root = createRoot((mountedIn = container));
  act(() => root!.render(element));
  return container;
}

/**
 * As render, in an async act(): what the first effects began (a repository
 * read) has settled when it returns. Again while mounted: renders the new
 * element into the same root (new props), and `container` is not used.
 */
export async function renderSettled<T extends HTMLElement = HTMLDivElement>(
  element: ReactElement,
  container: T = document.createElement('div') as unknown as T,
): Promise<T> {
  if (!root) {
    document.body.append(container);
    root = createRoot((mountedIn = container));
  }
  await act(async () => root!.render(element));
  return mountedIn as T;
}

/** Unmounts now (a test that leaves a form and comes back to it); a later render mounts anew. */
export async function unmount(): Promise<void> {
  const mounted = root;
  root = undefined;
  await act(async () => mounted?.unmount());
}

/** Types into a React-controlled field as the browser does: the native setter, then an input event. */
export function typeInto(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
