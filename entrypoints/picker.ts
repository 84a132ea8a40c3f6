import { defineUnlistedScript } from '#imports';
import { translator } from '@/lib/i18n/i18n';
import { sendToOptions } from '@/lib/messaging/runtime';
import { loadLocale } from '@/lib/panel/preferences';
import { startPicker } from '@/lib/picker/picker';

declare global {
  interface Window {
    __sidevognPickerStop?: () => void;
  }
}

// The element picker, injected into one case-system tab on demand by the
// options page (scripting.executeScript), so the always-on content script
// stays small. A second injection replaces a running picker.
export default defineUnlistedScript(async () => {
  window.__sidevognPickerStop?.();
  const t = translator(await loadLocale().catch(() => 'da' as const));
  window.__sidevognPickerStop = startPicker(document, t, (picks) => {
    window.__sidevognPickerStop = undefined;
    void sendToOptions(picks ? { type: 'picker-done', picks } : { type: 'picker-cancelled' });
  });
});
