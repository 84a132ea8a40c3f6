import { z } from 'zod';

/**
 * zod for the extension: import `z` from here, never from 'zod' (lint enforces
 * it), so this runs before any schema is built.
 *
 * Extension pages and the service worker forbid eval (Manifest V3's content
 * security policy), so zod can never use its compiled fast path there. Left to
 * itself it finds that out when it builds its first object schema, by trying
 * `new Function`: the attempt throws, Chromium reports a CSP violation, and
 * that cost the panel's start 1–2.5 ms. Parsing is the same either way.
 */
z.config({ jitless: true });

export { z };
