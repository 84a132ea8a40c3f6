import { describe, expect, it } from 'vitest';
import config, { buildContentScript, distribution } from '../../wxt.config';

/** Every permission is a promise to the IT department: changing one must change this test. */
describe('manifest', () => {
  const manifest = (config.manifest as () => Record<string, unknown>)();

  it('asks for exactly these permissions, and for no host beyond the demo system up front', () => {
    // storage: preferences, policy; alarms: pack refresh, deadline reminders;
    // notifications: opt-in deadline reminder; scripting: bridge on taught case systems, element picker;
    // sidePanel: the browser's side panel as a layout.
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting', 'sidePanel']);
    // No side panel for every tab: it is enabled per tab, where the bridge asks for it.
    expect(manifest).not.toHaveProperty('side_panel');
    expect(manifest.host_permissions).toBeUndefined();
    // Other case systems: asked for one origin at a time when a team lead adds an adapter.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('injects the bridge on the demo case system only', () => {
    expect(manifest.content_scripts).toEqual([
      {
        matches: ['http://127.0.0.1/*', 'http://localhost/*'],
        js: ['host.js', 'host-fields.js', 'host-page.js'],
        run_at: 'document_idle',
      },
    ]);
  });

  it('exposes only the panel page, and only by its per-session URL', () => {
    // Broad matches because case systems are added at run time and this list is static;
    // use_dynamic_url keeps the static chrome-extension://<id>/panel.html unreachable.
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['panel.html'], matches: ['https://*/*', 'http://*/*'], use_dynamic_url: true },
    ]);
  });

  it('lets no web page or other extension message it', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('keeps the default Manifest V3 content security policy: no eval, no remote code', () => {
    // The default (script-src 'self'; object-src 'self') forbids unsafe-eval and remote
    // script; setting content_security_policy could only loosen it for our pages.
    expect(manifest).not.toHaveProperty('content_security_policy');
  });

  it('needs the Chrome (and Edge) version that can open the side panel: 116 (sidePanel.open)', () => {
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('declares nothing else that widens its reach', () => {
    for (const key of ['sandbox', 'declarative_net_request', 'chrome_url_overrides', 'devtools_page', 'oauth2']) {
      expect(manifest).not.toHaveProperty(key);
    }
  });
});

/**
 * What the stores and the municipalities receive (issue 28's "the manifest under
 * test is the one shipped"): `npm run zip` builds with SIDEVOGN_STORE=1, the
 * self-hosted CRX with SIDEVOGN_UPDATE_URL (scripts/zip.mjs).
 */
describe('the store and self-hosted packages', () => {
  const manifestWith = (env: Record<string, string>) => {
    const saved = { SIDEVOGN_STORE: process.env.SIDEVOGN_STORE, SIDEVOGN_UPDATE_URL: process.env.SIDEVOGN_UPDATE_URL };
    delete process.env.SIDEVOGN_STORE;
    delete process.env.SIDEVOGN_UPDATE_URL;
    Object.assign(process.env, env);
    try {
      return (config.manifest as () => Record<string, unknown>)();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  };
  const dev = manifestWith({});
  const store = manifestWith({ SIDEVOGN_STORE: '1' });
  const UPDATE_URL = 'https://intranet.kommune.example/sidevogn/update.xml';
  const selfHosted = manifestWith({ SIDEVOGN_UPDATE_URL: UPDATE_URL });

  it('names no demo origin and injects no script up front; case systems come from adapters at run time', () => {
    expect(distribution({ SIDEVOGN_STORE: '1' })).toBe('store');
    expect(store).not.toHaveProperty('content_scripts');
    expect(JSON.stringify(store)).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(store.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting', 'sidePanel']);
    expect(store.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('carries no development key (the store signs) and no update URL (the store updates)', () => {
    expect(store).not.toHaveProperty('key');
    expect(store).not.toHaveProperty('update_url');
  });

  it('differs from the development build only in the key and the demo content script', () => {
    const { key, content_scripts, ...rest } = dev;
    expect(key).toEqual(expect.any(String));
    expect(content_scripts).toEqual([
      expect.objectContaining({ matches: ['http://127.0.0.1/*', 'http://localhost/*'] }),
    ]);
    expect(store).toEqual(rest);
  });

  it('self-hosted: the store package plus the update URL of update.xml', () => {
    expect(distribution({ SIDEVOGN_UPDATE_URL: UPDATE_URL })).toBe('self-hosted');
    expect(selfHosted).toEqual({ ...store, update_url: UPDATE_URL });
  });

  it('has a bridge without the demo adapter or its origins', async () => {
    const [storeHost, devHost] = await Promise.all([buildContentScript(false), buildContentScript(true)]);
    for (const demo of ['demo-sagssystem', 'citizen-header', '127.0.0.1', 'localhost']) {
      expect(devHost).toContain(demo);
      expect(storeHost).not.toContain(demo);
    }
    expect(Buffer.byteLength(storeHost)).toBeLessThanOrEqual(Buffer.byteLength(devHost));
  });
});
