import { defineUnlistedScript } from '#imports';
import { startBridge } from '@/lib/host/bridge';

// The content script, listed in the manifest by wxt.config.ts. It is an
// unlisted script rather than a WXT content script because WXT's
// ContentScriptContext alone would take a third of the 10 KB budget.
export default defineUnlistedScript(() => {
  void startBridge();
});
