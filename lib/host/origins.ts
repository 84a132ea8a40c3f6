/**
 * Origins where the content script runs and the panel may be embedded.
 * Match patterns ignore ports, so the demo case system on any local port matches.
 * Further case systems are added at run time through optional host permissions.
 */
export const CASE_SYSTEM_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/**
 * The content scripts injected into a case-system page, in order: the bridge,
 * the field script, and the page script (modal dialogs, push fixes).
 */
export const HOST_SCRIPTS = ['host.js', 'host-fields.js', 'host-page.js'] as const;
