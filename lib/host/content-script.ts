import { startBridge } from './bridge';

// The content script's entry. It is not a WXT entrypoint: WXT wraps unlisted
// scripts in a loader and logger worth 5 % of the 10 KB budget, so
// wxt.config.ts bundles this file with esbuild into host.js instead, and the
// manifest lists that file.
void startBridge();
