import type { Adapter } from './adapter';
import { demoAdapter } from './demo-adapter';
import { matchesPattern } from './match-pattern';

/**
 * Team-lead-made adapters first (they may name a part of the demo host), then
 * the built-in one. The stored list is not re-validated here: only extension
 * pages write it, after adapterSchema (lib/adapters/registry.ts), the host page
 * cannot reach chrome.storage, and a zod copy would not fit the size budget.
 */
export function adapterFor(url: string, stored: unknown): Adapter | undefined {
  const parsed = new URL(url);
  // The demo adapter only in development and test builds (__DEMO__: wxt.config.ts).
  const adapters = [...(Array.isArray(stored) ? (stored as Adapter[]) : []), ...(__DEMO__ ? [demoAdapter] : [])];
  return adapters.find((a) => a.matches?.some((p) => matchesPattern(p, parsed)));
}
