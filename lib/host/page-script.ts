import { PAGE_GLOBAL, type PageApi } from './page-api';

// The page script's entry, bundled by wxt.config.ts into host-page.js and
// injected after the bridge wherever it runs (lib/host/origins.ts). It does
// nothing until the bridge calls it.

/** `:modal` matches a dialog opened with showModal() (and a fullscreen element). */
const isModalOpen = () => !!document.querySelector('dialog:modal');

const api: PageApi = {
  watchModal(signal, onChange) {
    let open = isModalOpen();
    onChange(open);
    const check = () => {
      if (isModalOpen() === open) return;
      open = !open;
      onChange(open);
    };
    // A dialog fires toggle when shown or closed (close and cancel too); none of
    // them bubbles, so listen in the capture phase. One selector match per event.
    for (const type of ['toggle', 'close', 'cancel']) addEventListener(type, check, { capture: true, signal });
  },
  push() {},
};
(globalThis as unknown as Record<string, PageApi>)[PAGE_GLOBAL] = api;
