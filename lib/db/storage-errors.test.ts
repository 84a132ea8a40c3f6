import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../i18n/i18n';
import {
  isDiskFull,
  isQuotaExceeded,
  noteTransactionAborted,
  noteTransactionCommitted,
  saveFailure,
  saveFailureMessage,
} from './storage-errors';

const quotaDom = () =>
  new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');

describe('isQuotaExceeded', () => {
  it("recognises the browser's DOMException and Dexie's wrapped QuotaExceededError", () => {
    expect(isQuotaExceeded(quotaDom())).toBe(true);
    const wrapped = new Dexie.QuotaExceededError('Put failed', quotaDom());
    expect(wrapped.name).toBe(Dexie.errnames.QuotaExceeded);
    expect(isQuotaExceeded(wrapped)).toBe(true);
  });

  it('looks through an aborted transaction, a bulk failure and a cause to the quota error', () => {
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', quotaDom()))).toBe(true);
    expect(isQuotaExceeded(new Dexie.BulkError('1 of 2 failed', { 1: new Dexie.QuotaExceededError() }))).toBe(true);
    expect(isQuotaExceeded(new Error('save failed', { cause: quotaDom() }))).toBe(true);
    expect(isQuotaExceeded({ name: 'DatabaseClosedError', inner: { name: 'QuotaExceededError' } })).toBe(true);
  });

  it('says no to other failures and to values that are not errors', () => {
    expect(isQuotaExceeded(new Dexie.AbortError('Transaction aborted', new DOMException('x', 'UnknownError')))).toBe(
      false,
    );
    expect(isQuotaExceeded(new Dexie.ConstraintError())).toBe(false);
    expect(isQuotaExceeded(new Error('QuotaExceededError in the message only'))).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(isQuotaExceeded(undefined)).toBe(false);
  });

  it('does not loop forever on an error that contains itself', () => {
    const selfish: { name: string; inner?: unknown } = { name: 'AbortError' };
    selfish.inner = selfish;
    expect(isQuotaExceeded(selfish)).toBe(false);
  });
});

describe('saveFailure and its message', () => {
  it('gives a full disk one clear Danish message (and English), without the raw error', () => {
    const failure = saveFailure(new Dexie.AbortError('Transaction aborted', quotaDom()));
    expect(failure).toEqual({ kind: 'quota' });
    const da = saveFailureMessage(translator('da'), failure);
    expect(da).toMatch(/^Der er ikke plads til at gemme\./);
    expect(da).toContain('prøv igen');
    expect(da).not.toMatch(/Quota|Abort/);
    expect(saveFailureMessage(translator('en'), failure)).toMatch(/^There is no room to save\./);
  });

  it('words any other failure with its detail', () => {
    const failure = saveFailure(new Dexie.DatabaseClosedError('Database has been closed'));
    expect(failure).toEqual({ kind: 'other', detail: 'Database has been closed', maybeDiskFull: true });
    expect(saveFailureMessage(translator('da'), failure)).toBe(
      'Kunne ikke gemme: Database has been closed. Teksten er ikke tabt – prøv igen.',
    );
    expect(saveFailure('odd')).toEqual({ kind: 'other', detail: 'odd' });
  });
});

describe("Chromium's full disk (no QuotaExceededError)", () => {
  // As Chromium 156 words it (tests/e2e/storage-full-disk.spec.ts fills a real disk).
  const noSpace = () =>
    new DOMException(
      'Connection is closing because of: IO error: .../000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      'UnknownError',
    );

  it('is the full disk wherever it is wrapped', () => {
    expect(saveFailure(noSpace())).toEqual({ kind: 'quota' });
    expect(saveFailure(new Dexie.AbortError('Transaction aborted', noSpace()))).toEqual({ kind: 'quota' });
    expect(isDiskFull(new Error('IO error: .../000003.log: FILE_ERROR_NO_SPACE'))).toBe(true);
    expect(isDiskFull(new Dexie.AbortError('Transaction aborted', new DOMException('x', 'UnknownError')))).toBe(false);
  });

  it("after a transaction aborted for a full disk, the database's later faults are the full disk too, until a write commits", () => {
    const bareAbort = new Dexie.AbortError('The transaction was aborted, so the request cannot be fulfilled.');
    const openFailed = new Dexie.OpenFailedError(
      new DOMException('Internal error opening backing store', 'UnknownError'),
    );
    expect(saveFailure(bareAbort)).toMatchObject({ kind: 'other', maybeDiskFull: true });
    noteTransactionAborted(new DOMException('other', 'UnknownError'));
    expect(saveFailure(openFailed)).toMatchObject({ kind: 'other' });
    noteTransactionAborted(noSpace());
    expect(saveFailure(bareAbort)).toEqual({ kind: 'quota' });
    expect(saveFailure(openFailed)).toEqual({ kind: 'quota' });
    // Not every error: a pack the parser refuses is no storage fault.
    expect(saveFailure(new Error('templates.0.title: too long'))).toMatchObject({ kind: 'other' });
    noteTransactionCommitted();
    expect(saveFailure(openFailed)).toMatchObject({ kind: 'other', maybeDiskFull: true });
  });
});

describe('a real Dexie write refused for lack of space', () => {
  class Db extends Dexie {
    notes!: Table<{ id: string; body: string }, string>;
    constructor() {
      super(`quota-${crypto.randomUUID()}`);
      this.version(1).stores({ notes: 'id' });
    }
  }
  let db: Db | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('rejects with an error classified as quota, and the earlier record is intact', async () => {
    db = new Db();
    await db.notes.put({ id: 'a', body: 'earlier' });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaDom();
    });
    const error = await db
      .transaction('rw', db.notes, async () => {
        await db!.notes.put({ id: 'a', body: 'changed' });
        await db!.notes.put({ id: 'b', body: 'new' });
      })
      .catch((e: unknown) => e);
    put.mockRestore();
    expect(saveFailure(error)).toEqual({ kind: 'quota' });
    expect(await db.notes.toArray()).toEqual([{ id: 'a', body: 'earlier' }]);
  });
});
