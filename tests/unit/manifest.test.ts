import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

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

  it('declares nothing else that widens its reach', () => {
    for (const key of ['sandbox', 'declarative_net_request', 'chrome_url_overrides', 'devtools_page', 'oauth2']) {
      expect(manifest).not.toHaveProperty(key);
    }
  });
});
