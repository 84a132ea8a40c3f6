import { startHandshake } from './handshake';

// The panel page's first script: panel-early.js, a classic script in the
// page's <head>, bundled by esbuild from wxt.config.ts. See handshake.ts.
window.sidevognHostLink = startHandshake(window);
