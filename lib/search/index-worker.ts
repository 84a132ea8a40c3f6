// First, as in every page: zod set up before any schema exists (no eval probe under the CSP).
import '../zod';
import { serveNoteSearch } from './index-server';
import type { ServerPort } from './index-protocol';

/**
 * The search worker's entry (a module worker the extension pages start
 * through lib/search/worker-search.ts; Vite bundles it as a file of its own,
 * loaded from the extension's origin like every script, so the pages' CSP
 * allows it).
 */
serveNoteSearch(globalThis as unknown as ServerPort);
