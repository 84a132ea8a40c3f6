import { fromUtf8, utf8 } from '../crypto/encoding';
import { openBytes, sealBytes } from '../crypto/seal';
import type { IndexParts } from './inverted-index';

/**
 * A share's search index as bytes, and sealed (ADR 0007). The bytes: a fixed
 * header (format, document count, JSON length, posting count, varint length),
 * the ids, citizen keys and words as one JSON text, then each document's
 * createdAt (float64) and citizen number (uint32), then per word (in the
 * JSON's order) its document count and documents as ascending deltas, in
 * LEB128 varints: about 1.3 bytes a posting instead of 4.
 *
 * Sealed with AES-GCM under the data key, with the table, the share's range
 * and the format as additional data: a snapshot moved to another share, or
 * written by another format, does not open, and one that does not open is
 * dropped and the share built from the notes (lib/search/index-store.ts).
 */

export const SNAPSHOT_FORMAT = 1;
const MAGIC = 0x53564931; // "SVI1"
const HEAD_BYTES = 24;

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

function fail(why: string): never {
  throw new SnapshotError(`Search index snapshot: ${why}`);
}

const pad8 = (n: number) => (n + 7) & ~7;

export function encodeIndex(parts: IndexParts): Uint8Array<ArrayBuffer> {
  const { ids, citizenKeys, words, skipped } = parts;
  const n = ids.length;
  const json = utf8.encode(JSON.stringify({ ids, citizenKeys, words, skipped }));
  let postings = 0;
  for (const list of parts.postings) postings += list.length;
  // Worst case five bytes a number; the buffer is cut to what was written.
  const varints = new Uint8Array(5 * (postings + words.length));
  let at = 0;
  const put = (value: number) => {
    while (value >= 0x80) {
      varints[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    varints[at++] = value;
  };
  for (const list of parts.postings) {
    put(list.length);
    let previous = 0;
    for (let i = 0; i < list.length; i++) {
      put(list[i]! - previous);
      previous = list[i]!;
    }
  }
  const jsonEnd = pad8(HEAD_BYTES + json.length);
  const timesEnd = jsonEnd + 8 * n;
  const citizensEnd = timesEnd + 4 * n;
  const out = new Uint8Array(citizensEnd + at);
  const view = new DataView(out.buffer);
  [MAGIC, SNAPSHOT_FORMAT, n, json.length, postings, at].forEach((value, i) => view.setUint32(4 * i, value, true));
  out.set(json, HEAD_BYTES);
  new Float64Array(out.buffer, jsonEnd, n).set(parts.createdAt);
  new Uint32Array(out.buffer, timesEnd, n).set(parts.citizenOfDoc);
  out.set(varints.subarray(0, at), citizensEnd);
  return out;
}

function stringsOf(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string')) fail(`${what} are not strings`);
  return value as string[];
}

/** The parts of an index from its bytes; SnapshotError when they are not a whole snapshot of this format. */
export function decodeIndex(bytes: Uint8Array): IndexParts {
  if (bytes.byteLength < HEAD_BYTES) fail('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [magic, format, n, jsonLength, postings, varintLength] = [0, 1, 2, 3, 4, 5].map((i) =>
    view.getUint32(4 * i, true),
  );
  if (magic !== MAGIC || format !== SNAPSHOT_FORMAT) fail('another format');
  const jsonEnd = pad8(HEAD_BYTES + jsonLength!);
  const timesEnd = jsonEnd + 8 * n!;
  const citizensEnd = timesEnd + 4 * n!;
  if (citizensEnd + varintLength! !== bytes.byteLength) fail('wrong length');
  const head = JSON.parse(fromUtf8.decode(bytes.subarray(HEAD_BYTES, HEAD_BYTES + jsonLength!))) as Record<
    string,
    unknown
  >;
  const ids = stringsOf(head.ids, 'ids');
  const citizenKeys = stringsOf(head.citizenKeys, 'citizen keys');
  const words = stringsOf(head.words, 'words');
  if (ids.length !== n || typeof head.skipped !== 'number') fail('inconsistent header');
  const copy = bytes.slice(jsonEnd, citizensEnd).buffer;
  const createdAt = new Float64Array(copy, 0, n);
  const citizenOfDoc = new Uint32Array(copy, 8 * n!, n);
  if (citizenOfDoc.some((c) => c >= citizenKeys.length)) fail('citizen out of range');

  const all = new Uint32Array(postings!);
  const lists: Uint32Array<ArrayBuffer>[] = [];
  let at = citizensEnd;
  const end = bytes.byteLength;
  const next = () => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= end) fail('postings cut short');
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    return fail('bad number');
  };
  let filled = 0;
  for (let w = 0; w < words.length; w++) {
    const count = next();
    if (filled + count > all.length) fail('too many postings');
    let doc = 0;
    for (let i = 0; i < count; i++) {
      doc += next();
      if (doc >= n!) fail('document out of range');
      all[filled + i] = doc;
    }
    lists.push(all.subarray(filled, filled + count));
    filled += count;
  }
  if (filled !== all.length || at !== end) fail('postings do not add up');
  return { ids, citizenKeys, citizenOfDoc, createdAt, words, postings: lists, skipped: head.skipped as number };
}

const aadOf = (range: string) => `sidevogn/searchIndex/${range}/${SNAPSHOT_FORMAT}`;

export const sealSnapshot = (
  key: CryptoKey,
  range: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<{ iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer }> => sealBytes(key, bytes, aadOf(range));

/** The snapshot's bytes; SnapshotError when it does not open (another key, range or format; changed). */
export async function openSnapshot(
  key: CryptoKey,
  range: string,
  sealed: { iv: unknown; ct: unknown },
): Promise<Uint8Array> {
  const { iv, ct } = sealed;
  if (!(iv instanceof Uint8Array) || !(ct instanceof ArrayBuffer)) fail('not a sealed value');
  try {
    return new Uint8Array(await openBytes(key, new Uint8Array(iv), ct, aadOf(range)));
  } catch {
    return fail('does not open');
  }
}
