import { defineContentScript } from '#imports';
import { CASE_SYSTEM_MATCHES } from '@/lib/host/origins';
import { startBridge } from '@/lib/host/bridge';

export default defineContentScript({
  matches: CASE_SYSTEM_MATCHES,
  runAt: 'document_idle',
  main: startBridge,
});
