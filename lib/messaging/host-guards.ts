import { LAYOUT_MODES, MAX_INSERT_CHARS, PANEL_MAX_WIDTH, PANEL_MIN_WIDTH } from './constants';
import type { BackgroundToHost, Layout, PanelToHost } from './protocol';

/**
 * Receipt checks for the content script: the same rules as the zod schemas in
 * ./protocol for the few messages the content script receives, written out by
 * hand because zod alone would be twice the content script's size budget.
 * tests/unit/host-guards.test.ts holds both to the same verdicts.
 */

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnlyKeys = (v: Obj, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));
const isWidth = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= PANEL_MIN_WIDTH && (v as number) <= PANEL_MAX_WIDTH;
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isMode = (v: unknown): v is Layout['mode'] => (LAYOUT_MODES as readonly unknown[]).includes(v);

export function guardLayout(v: unknown): Layout | undefined {
  if (!isObject(v) || !hasOnlyKeys(v, ['collapsed', 'width', 'mode'])) return undefined;
  const { collapsed, width, mode } = v;
  return typeof collapsed === 'boolean' && isWidth(width) && isMode(mode) ? { collapsed, width, mode } : undefined;
}

export function guardPanelToHost(v: unknown): PanelToHost | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'set-collapsed':
      return hasOnlyKeys(v, ['type', 'collapsed']) && typeof v.collapsed === 'boolean'
        ? { type: v.type, collapsed: v.collapsed }
        : undefined;
    case 'set-width':
      return hasOnlyKeys(v, ['type', 'width']) && isWidth(v.width) ? { type: v.type, width: v.width } : undefined;
    case 'set-mode':
      return hasOnlyKeys(v, ['type', 'mode']) && isMode(v.mode) ? { type: v.type, mode: v.mode } : undefined;
    case 'insert':
      return hasOnlyKeys(v, ['type', 'requestId', 'text']) &&
        isString(v.requestId, 64) &&
        isString(v.text, MAX_INSERT_CHARS)
        ? { type: v.type, requestId: v.requestId, text: v.text }
        : undefined;
    default:
      return undefined;
  }
}

export function guardBackgroundToHost(v: unknown): BackgroundToHost | undefined {
  return isObject(v) && v.type === 'toggle-panel' && hasOnlyKeys(v, ['type']) ? { type: 'toggle-panel' } : undefined;
}
