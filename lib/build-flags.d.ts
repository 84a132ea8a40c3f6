/**
 * Build-time constants (wxt.config.ts `define`; vitest.config.ts for the unit tests).
 * __DEMO__: a development or test build, with the demo case system's origins and
 * adapter; false in the store and self-hosted packages.
 */
declare const __DEMO__: boolean;
