import { startBridge } from './bridge';

// The content script's entry, bundled into host.js by wxt.config.ts rather than
// as a WXT entrypoint: docs/adr/0001-content-script-outside-entrypoints.md.
void startBridge();
