import { defineConfig } from 'wxt';
import type { Plugin, Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { build } from 'esbuild';
import { CASE_SYSTEM_MATCHES, HOST_SCRIPTS } from './lib/host/origins';

// Fixed public key so the unpacked extension's id is stable (policies and tests
// name it). Store and self-hosted packages (`npm run zip`) leave it out: the
// store assigns the key, and a self-hosted CRX is signed with the municipality's.
const DEV_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsaEcRvlrfT1CGUQ7uBSImbYMutdppzeGDJg3sYwCGvKEBzBYmjKDk6LL+1e4r8KcJxTzi1U3s43ywJQ/hBD6D3HFG2BZ8QlKhTcv6oUhxOf+dRPs/xgdXHP58rjwHKMTANaurd2g40uWvSaT2Gyn4YB4k0Ijp4/Xlbbk2VEn/EL3YHE5uFcRzDBCQheZZOuLrvTAJR7AkLR9diiqFRfL9uAVBYfOVa+xqSURAU+ypwmz5AWig17UNb43SmzEhMvUxVGE2c7ZoqgjS3EuzzhaTAEOC8d9NzSfQp3d6S/v9cOlwxe6ovQwz8js18KQl0mew00zxzIHdeRmy+wbGr0CkwIDAQAB';
// Chromium derives the id feohapeeggemacecolfmbiphbdhhjebf from DEV_KEY.

/**
 * Which package is built. The three differ only in what they must:
 * - `dev` (`npm run build`, `npm start`, the tests): the demo case system's
 *   origins in the manifest, the demo adapter in the bridge, the fixed `key`;
 * - `store` (SIDEVOGN_STORE=1, `npm run zip`): none of those; the stores sign;
 * - `self-hosted` (SIDEVOGN_UPDATE_URL=<url of update.xml>, scripts/zip.mjs): as
 *   the store build, plus `update_url`, for a CRX signed with the municipality's key.
 */
export function distribution(env: NodeJS.ProcessEnv = process.env): 'dev' | 'store' | 'self-hosted' {
  if (env.SIDEVOGN_UPDATE_URL) return 'self-hosted';
  return env.SIDEVOGN_STORE === '1' ? 'store' : 'dev';
}

/**
 * A content script bundled on its own, outside WXT's entrypoints
 * (docs/adr/0001-content-script-outside-entrypoints.md): the bridge (host.js)
 * by default, or the field or page script.
 */
export async function buildContentScript(demo: boolean, entry = 'lib/host/content-script.ts'): Promise<string> {
  const bridge = entry === 'lib/host/content-script.ts';
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    legalComments: 'none',
    // Non-ASCII text as it is (content scripts must be UTF-8), not as \uXXXX escapes twice its size.
    charset: 'utf8',
    // The demo adapter and origins exist only in development and test builds.
    define: { __DEMO__: JSON.stringify(demo) },
    // An explicit compile hint (V8, Chromium 136+): nearly every function in
    // the bridge runs during the page load, so compile them all with the
    // script instead of pre-parsing now and compiling each on its first call.
    banner: bridge ? { js: '//# allFunctionsCalledOnLoad' } : {},
    write: false,
  });
  return outputFiles![0]!.text;
}

/**
 * Everything the panel page needs at start in one chunk: each script file a
 * page loads costs its start-up a request and a module record of its own, and
 * the panel starts on every page load of the case system. Left to itself,
 * Rollup splits the modules the extension pages share into several files
 * (measured by `npm run bench`, panel part). Not for the single-file builds:
 * the background and the picker.
 */
function panelStartChunk(): Plugin {
  const PANEL_ENTRY = '/entrypoints/panel/main.tsx';
  // The side-panel page (entrypoints/side) starts from the same chunk: it is the same app.
  let members: Set<string> | undefined;
  const manualChunks: Rollup.GetManualChunk = (id, meta) => {
    if (!members) {
      members = new Set();
      const entry = [...meta.getModuleIds()].find((m) => m.endsWith(PANEL_ENTRY));
      const todo = entry ? [...(meta.getModuleInfo(entry)?.importedIds ?? [])] : [];
      for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
        if (members.has(next)) continue;
        members.add(next);
        todo.push(...(meta.getModuleInfo(next)?.importedIds ?? []));
      }
    }
    // WXT's per-page plugin module too (empty without WXT plugins): a file of its own otherwise.
    if ((members.has(id) && !id.endsWith('.css')) || id.includes('wxt-html-plugins')) return 'panel-start';
    return undefined;
  };
  return {
    name: 'sidevogn:panel-start-chunk',
    buildStart: () => {
      members = undefined;
    },
    outputOptions: (options) => (options.inlineDynamicImports ? null : { ...options, manualChunks }),
  };
}

export default defineConfig({
  // SIDEVOGN_OUT lets parallel work build side by side (the harness reads it too).
  outDir: process.env.SIDEVOGN_OUT ?? '.output',
  imports: false,
  vite: () => ({
    plugins: [react(), tailwindcss(), panelStartChunk()],
    define: { __DEMO__: JSON.stringify(distribution() === 'dev') },
    // Chromium has modulepreload; the polyfill would be one more script file per page.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The content scripts, bundled on their own: docs/adr/0001-content-script-outside-entrypoints.md.
    'build:publicAssets': async (_wxt, files) => {
      const demo = distribution() === 'dev';
      files.push({ relativeDest: 'host.js', contents: await buildContentScript(demo) });
      for (const [entry, dest] of [
        ['lib/host/fields-script.ts', 'host-fields.js'],
        ['lib/host/page-script.ts', 'host-page.js'],
      ] as const)
        files.push({ relativeDest: dest, contents: await buildContentScript(demo, entry) });
    },
  },
  manifest: () => ({
    name: 'Sidevogn',
    description: '__MSG_extDescription__',
    default_locale: 'da',
    // chrome.sidePanel.open() (the side layout, and the toggle command opening it) needs
    // Chrome 116; the API itself came in Chrome 114, as did the popover the picker uses
    // above a modal dialog. Edge uses the same version numbers (its sidebar API from 114).
    minimum_chrome_version: '116',
    ...(distribution() === 'dev' ? { key: DEV_KEY } : {}),
    ...(distribution() === 'self-hosted' ? { update_url: process.env.SIDEVOGN_UPDATE_URL } : {}),
    // storage: preferences and the policy; alarms: refreshing packs on a schedule
    // and deadline reminders; notifications: the opt-in deadline reminder;
    // scripting: registering the bridge on case systems a team lead adds, and
    // injecting the element picker ("Lær siden") on demand; sidePanel: the
    // browser's side panel as a layout (lib/background/side-panel.ts).
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'sidePanel'],
    // Case systems other than the demo: asked for one origin at a time, from the
    // options page, when a team lead adds an adapter (lib/adapters/registry.ts).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Enterprise policy (chrome.storage.managed): pack URLs, user packs, trusted keys.
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandTogglePanel__',
      },
      // Into the panel and back to the host field (lib/host/focus-api.ts). F for fokus; Alt+Shift+F
      // is free in Chrome and Edge (Alt+F alone opens their menu), and sits by the toggle's S.
      'focus-panel': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandFocusPanel__',
      },
    },
    // The bridge, the field script and the page script (lib/host/origins.ts) on the demo
    // case system, in development and test builds only. Real case systems: registered at
    // run time per adapter.
    ...(distribution() === 'dev'
      ? { content_scripts: [{ matches: CASE_SYSTEM_MATCHES, js: [...HOST_SCRIPTS], run_at: 'document_idle' }] }
      : {}),
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        // Any page may embed the panel frame, because case systems are added at
        // run time and this list is static. It grants no access to those pages:
        // the URL is per session (use_dynamic_url), only the bridge knows it,
        // and the panel talks only to the bridge in its own tab.
        matches: ['https://*/*', 'http://*/*'],
        use_dynamic_url: true,
      },
    ],
  }),
});
