import type { Translate } from '../i18n/i18n';

/**
 * Why a write to the database failed, in the terms the caseworker needs: the
 * disk (or the browser's share of it) is full, or something else went wrong.
 * Kept as data, not a message, so the UI words it in the current language.
 */
export type SaveFailure = { kind: 'quota' } | { kind: 'other'; detail: string };

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** Dexie wraps the browser's error (`inner`) and a failed transaction may nest it once more. */
const MAX_DEPTH = 4;

function nameOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string') return value.name;
  return undefined;
}

/**
 * True when the browser refused the write for lack of space: a DOMException
 * `QuotaExceededError`, Dexie's `QuotaExceededError` (Dexie.errnames.QuotaExceeded),
 * or an abort / bulk error whose cause (`inner`, `failures`) was one.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > MAX_DEPTH) return false;
  const name = nameOf(error);
  if (name && QUOTA_NAMES.has(name)) return true;
  // Legacy DOMException code 22 (QUOTA_EXCEEDED_ERR).
  if (error instanceof DOMException && error.code === 22) return true;
  if ('inner' in error && isQuotaExceeded(error.inner, depth + 1)) return true;
  if ('cause' in error && isQuotaExceeded(error.cause, depth + 1)) return true;
  if ('failures' in error && Array.isArray(error.failures))
    return error.failures.some((f: unknown) => isQuotaExceeded(f, depth + 1));
  return false;
}

export function saveFailure(error: unknown): SaveFailure {
  if (isQuotaExceeded(error)) return { kind: 'quota' };
  return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
}

/** The one message every save path shows for a failed write. */
export function saveFailureMessage(t: Translate, failure: SaveFailure): string {
  return failure.kind === 'quota' ? t('storage.full') : t('storage.saveFailed', { error: failure.detail });
}
