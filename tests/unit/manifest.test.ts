import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

/** Every permission is a promise to the IT department: changing one must change this test. */
describe('manifest', () => {
  const manifest = (config.manifest as () => Record<string, unknown>)();

  it('asks for exactly these permissions, and for no host beyond the demo system up front', () => {
    // storage: preferences, policy; alarms: pack refresh, deadline reminders;
    // notifications: opt-in deadline reminder; scripting: bridge on taught case systems, element picker.
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'notifications', 'scripting']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.content_scripts).toEqual([
      { matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['host.js'], run_at: 'document_idle' },
    ]);
  });
});
