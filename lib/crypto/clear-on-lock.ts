import type { Root } from 'react-dom/client';
import { session } from './session';

/**
 * For pages that render citizen data once, from props (the printable summary
 * and the data-access report): when Sidevogn locks (idle lock, "Lås nu" on any
 * page), the page is emptied at once, its React tree unmounted with the data
 * it held, and says why. Reopening it after unlocking shows the data again.
 */
export function clearOnLock(root: Root, container: HTMLElement, message: string): void {
  const clear = (unlocked: boolean) => {
    if (unlocked) return;
    stop();
    root.unmount();
    const notice = document.createElement('p');
    notice.setAttribute('role', 'status');
    notice.dataset.testid = 'page-locked';
    notice.className = 'm-8 text-lg';
    notice.textContent = message;
    container.replaceChildren(notice);
    document.title = message;
  };
  const stop = session.subscribe(clear);
  // Locked between reading the data and now: clear at once.
  if (session.current() === null) clear(false);
}
