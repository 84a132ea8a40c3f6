import { z } from '../zod';
import { open, seal } from '../crypto/seal';
import {
  CLEAR_FIELDS,
  StoredDataError,
  checklistRunRecordSchema,
  citizenRecordSchema,
  deadlineRecordSchema,
  draftRecordSchema,
  formDraftRecordSchema,
  historyRecordSchema,
  noteRecordSchema,
  parseStored,
  sealedRowSchemas,
  summaryRecordSchema,
  type SealedTableName,
} from './records';

/**
 * Sealing and opening the rows of the citizen tables. A row keeps its primary
 * key and index fields in clear (CLEAR_FIELDS); the rest of the record is
 * sealed with AES-GCM under the data key, with the table, primary key and
 * citizen key as additional data, so a sealed value moved to another row or
 * another citizen does not open. On read the clear fields are laid over the
 * opened rest and the whole record is parsed with its schema.
 */

export const recordSchemas = {
  citizens: citizenRecordSchema,
  notes: noteRecordSchema,
  drafts: draftRecordSchema,
  formDrafts: formDraftRecordSchema,
  history: historyRecordSchema,
  summaries: summaryRecordSchema,
  deadlines: deadlineRecordSchema,
  checklistRuns: checklistRunRecordSchema,
} satisfies Record<SealedTableName, z.ZodType>;

export const SEALED_TABLES = Object.keys(CLEAR_FIELDS) as SealedTableName[];

export type RecordOf<T extends SealedTableName> = z.infer<(typeof recordSchemas)[T]>;
export type RowOf<T extends SealedTableName> = z.infer<(typeof sealedRowSchemas)[T]>;

type Loose = Record<string, unknown>;

/** The additional data binding a sealed value to its place. */
export function aadOf(table: SealedTableName, clear: Loose): string {
  const pk = table === 'citizens' ? clear.key : table === 'summaries' ? clear.citizenKey : clear.id;
  const citizen = table === 'citizens' ? clear.key : clear.citizenKey;
  return `sidevogn/${table}/${String(pk)}/${String(citizen)}`;
}

function split(table: SealedTableName, record: Loose): { clear: Loose; rest: Loose } {
  const rest: Loose = { ...record };
  const clear: Loose = {};
  for (const field of CLEAR_FIELDS[table]) {
    clear[field] = record[field];
    delete rest[field];
  }
  return { clear, rest };
}

/** Seals a record (or, at set-up, a legacy row as it was stored: nothing is dropped). */
export async function sealRecord<T extends SealedTableName>(
  key: CryptoKey,
  table: T,
  record: RecordOf<T> | Loose,
): Promise<RowOf<T>> {
  const { clear, rest } = split(table, record as Loose);
  return { ...clear, sealed: await seal(key, rest, aadOf(table, clear)) } as RowOf<T>;
}

export async function openRow<T extends SealedTableName>(key: CryptoKey, table: T, row: unknown): Promise<RecordOf<T>> {
  const { sealed, ...clear } = parseStored(sealedRowSchemas[table] as z.ZodType, table, row) as Loose & {
    sealed: RowOf<T>['sealed'];
  };
  let rest: unknown;
  try {
    rest = await open(key, sealed, aadOf(table, clear));
  } catch (error) {
    throw new StoredDataError(table, error instanceof Error ? error.message : String(error));
  }
  if (typeof rest !== 'object' || rest === null || Array.isArray(rest))
    throw new StoredDataError(table, 'sealed content is not an object');
  return parseStored(recordSchemas[table] as z.ZodType, table, { ...rest, ...clear }) as RecordOf<T>;
}

/** Opens many rows at once (AES-GCM calls run concurrently). */
export function openRows<T extends SealedTableName>(
  key: CryptoKey,
  table: T,
  rows: readonly unknown[],
): Promise<RecordOf<T>[]> {
  return Promise.all(rows.map((row) => openRow(key, table, row)));
}

/**
 * What a view shows of a set of rows: the records that opened, and how many
 * did not. A row that fails its schema or does not open (StoredDataError) is
 * counted, not thrown, so one bad row never blanks a view; it stays in the
 * database as it is (nothing here writes). Other errors (locked) still throw.
 */
export interface Readable<R> {
  records: R[];
  unreadable: number;
}

export async function openReadable<T extends SealedTableName>(
  key: CryptoKey,
  table: T,
  rows: readonly unknown[],
): Promise<Readable<RecordOf<T>>> {
  const opened = await Promise.all(
    rows.map((row) =>
      openRow(key, table, row).catch((error: unknown) => {
        if (error instanceof StoredDataError) return undefined;
        throw error;
      }),
    ),
  );
  const records = opened.filter((r): r is Awaited<RecordOf<T>> => r !== undefined);
  return { records, unreadable: rows.length - records.length };
}
