import { defineConfig } from 'wxt';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { CASE_SYSTEM_MATCHES } from './lib/host/origins';

// Fixed public key so the unpacked extension's id is stable (policies and tests
// name it). Store packages (`npm run zip`) leave it out: the store assigns the key.
const DEV_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsaEcRvlrfT1CGUQ7uBSImbYMutdppzeGDJg3sYwCGvKEBzBYmjKDk6LL+1e4r8KcJxTzi1U3s43ywJQ/hBD6D3HFG2BZ8QlKhTcv6oUhxOf+dRPs/xgdXHP58rjwHKMTANaurd2g40uWvSaT2Gyn4YB4k0Ijp4/Xlbbk2VEn/EL3YHE5uFcRzDBCQheZZOuLrvTAJR7AkLR9diiqFRfL9uAVBYfOVa+xqSURAU+ypwmz5AWig17UNb43SmzEhMvUxVGE2c7ZoqgjS3EuzzhaTAEOC8d9NzSfQp3d6S/v9cOlwxe6ovQwz8js18KQl0mew00zxzIHdeRmy+wbGr0CkwIDAQAB';
// Chromium derives the id feohapeeggemacecolfmbiphbdhhjebf from DEV_KEY.

export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [react(), tailwindcss()],
  }),
  manifest: () => ({
    name: 'Sidevogn',
    description: '__MSG_extDescription__',
    default_locale: 'da',
    ...(process.env.SIDEVOGN_STORE === '1' ? {} : { key: DEV_KEY }),
    permissions: ['storage'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandTogglePanel__',
      },
    },
    // The bridge (entrypoints/host.ts), on the case-system origins only.
    content_scripts: [{ matches: CASE_SYSTEM_MATCHES, js: ['host.js'], run_at: 'document_idle' }],
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: CASE_SYSTEM_MATCHES,
        use_dynamic_url: true,
      },
    ],
  }),
});
