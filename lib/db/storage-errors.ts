import { browser } from 'wxt/browser';
import type { Translate } from '../i18n/i18n';

/**
 * Why a write to the database failed, in the terms the caseworker needs: the
 * disk (or the browser's share of it) is full, or something else went wrong.
 * Kept as data, not a message, so the UI words it in the current language.
 */
export type SaveFailure =
  | { kind: 'quota' }
  /** `maybeDiskFull`: a storage fault that a full disk also causes; probeDiskFull() tells. */
  | { kind: 'other'; detail: string; maybeDiskFull?: true };

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

/**
 * What Chromium says when the disk itself is full. Checked in Chromium 156 with
 * the profile on a small tmpfs that was then filled (tests/e2e/storage-full-disk.spec.ts):
 * a full disk is no QuotaExceededError there. LevelDB's write of the commit
 * fails, the transaction aborts with an UnknownError whose message names
 * FILE_ERROR_NO_SPACE, Chromium closes the connection, and requests still
 * pending get a bare AbortError; while the disk stays full, opening the
 * database again fails with "Internal error opening backing store".
 */
const NO_SPACE = /FILE_ERROR_NO_SPACE|No space left on device|\bENOSPC\b/;
/** The errors a write meets on a database that the full disk closed. */
const STORAGE_FAULTS = new Set([
  'AbortError',
  'UnknownError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
]);

function someInChain(error: unknown, test: (e: object) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > MAX_DEPTH) return false;
  if (test(error)) return true;
  if ('inner' in error && someInChain(error.inner, test, depth + 1)) return true;
  if ('cause' in error && someInChain(error.cause, test, depth + 1)) return true;
  if ('failures' in error && Array.isArray(error.failures))
    return error.failures.some((f: unknown) => someInChain(f, test, depth + 1));
  return false;
}

/** True when the error, or one it wraps, is the browser's report of a full disk (see NO_SPACE). */
export function isDiskFull(error: unknown): boolean {
  return someInChain(error, (e) => 'message' in e && typeof e.message === 'string' && NO_SPACE.test(e.message));
}

/**
 * Whether the last transaction this page committed or aborted was refused for
 * a full disk. Set and cleared by the database (./database.ts), which sees
 * each transaction's outcome and its error: the error a save's promise
 * rejects with may be only the AbortError of a pending request, and later
 * saves fail to open the database at all; with the disk known to be full,
 * both are the full disk too.
 */
let diskFull = false;

/** The database saw a transaction abort (`error`: the transaction's error). */
export function noteTransactionAborted(error: unknown): void {
  if (isDiskFull(error)) diskFull = true;
}

/** The database saw a write transaction commit: there was room. */
export function noteTransactionCommitted(): void {
  diskFull = false;
}

export function saveFailure(error: unknown): SaveFailure {
  if (isQuotaExceeded(error) || isDiskFull(error)) return { kind: 'quota' };
  const fault = someInChain(error, (e) => STORAGE_FAULTS.has(nameOf(e) ?? ''));
  if (diskFull && fault) return { kind: 'quota' };
  return {
    kind: 'other',
    detail: error instanceof Error ? error.message : String(error),
    ...(fault ? { maybeDiskFull: true as const } : {}),
  };
}

const PROBE_KEY = 'sidevogn:disk-probe';
/** More than the page of slack a log file may still have on a full disk. */
const PROBE_BYTES = 64 * 1024;

/**
 * Asks the disk whether it is full: a storage fault in another page (the
 * panel's commit failed, Chromium closed the database) reaches this page only
 * as a database that will not open, with no reason given. chrome.storage.local
 * lives on the same disk and says FILE_ERROR_NO_SPACE when it is full; the
 * probe's value is removed again at once. Only called after a save failed.
 */
export async function probeDiskFull(): Promise<boolean> {
  try {
    await browser.storage.local.set({ [PROBE_KEY]: 'x'.repeat(PROBE_BYTES) });
    await browser.storage.local.remove(PROBE_KEY);
    return false;
  } catch (error) {
    if (!isDiskFull(error)) return false;
    diskFull = true;
    return true;
  }
}

/** saveFailure(), with the disk asked when the failure may be a full disk. */
export async function diagnoseSaveFailure(error: unknown): Promise<SaveFailure> {
  const failure = saveFailure(error);
  if (failure.kind === 'other' && failure.maybeDiskFull && (await probeDiskFull())) return { kind: 'quota' };
  return failure;
}

/** Why a write failed, as a clause for a message that says what it means (storage.reason.*). */
export function saveFailureReason(t: Translate, failure: SaveFailure): string {
  return failure.kind === 'quota' ? t('storage.reason.full') : failure.detail;
}

/** The one message every save path shows for a failed write. */
export function saveFailureMessage(t: Translate, failure: SaveFailure): string {
  return failure.kind === 'quota' ? t('storage.full') : t('storage.saveFailed', { error: failure.detail });
}
