import { constants as bufferConstants } from 'node:buffer';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { APP_VERSION } from '../../../shared/version';
import { databaseBytes, readSchemaVersion } from '../../store/database';
import { readDataRevision } from '../../store/dataRevision';
import { readEngineSnapshot, writeEngineSnapshotUnlessBusy } from '../../store/engineSnapshot';
import { checkEngineData } from './checkEngineData';
import { checkedMemo } from './checkedMemo';
import { encodeEngineData, ENGINE_FILE_FORMAT, type EngineFileContent, type EngineFileKey } from './engineFile';
import { gzipParts, gzipPartsOffThread } from './gzipParts';
import { decodeEngineData } from './readEngineFile';

/**
 * gzip's fastest level: at a million touches it makes the 85 MB of arrays 17 MB in 0.46 s (8% of the project file);
 * higher levels took twice the time to save a few more megabytes.
 */
const LEVEL = 1;
/**
 * The arrays are built from part of the file's own tables, so they are smaller than the file (0.4 times it at a
 * million touches; strings take twice their UTF-8 bytes in them, but SQLite keeps each id twice, in its table and
 * its key's index): a snapshot that would unpack to more than twice the file is not the project's, and is not
 * unpacked past that (a few kilobytes of gzip can expand to gigabytes). Decoded, the arrays take a few times their
 * bytes in memory, as a load from the tables does.
 */
const MAX_EXPANSION = 2;
/** The outline (JSON, with the memoised results) is at most an eighth of the file (1/28 at a million touches). */
const MAX_OUTLINE_SHARE = 1 / 8;
const MIN_OUTLINE_BYTES = 1024 * 1024;
/** The snapshot's bytes before compression, in the parts the encoder makes (never copied into one buffer). */
const encoded = (key: EngineFileKey, content: EngineFileContent): Uint8Array[] =>
  encodeEngineData(content.arrays, key, content.memo);

/** Waits this long for the write lock (an import holds it for seconds); the snapshot is then written another time. */
const WRITE_WAIT_MS = 100;

/**
 * Keeps the engine's arrays in the project itself (migration 0003), compressed, for the data revision of `key`: the
 * next open of this file, on this machine or a colleague's, reads them instead of every table. Nothing is written
 * when the data changed since the arrays were read, or when the file is busy; returns whether it was written.
 */
export function saveEngineSnapshot(db: Database.Database, key: EngineFileKey, content: EngineFileContent): boolean {
  return writePackedSnapshot(db, key, gzipParts(encoded(key, content), LEVEL));
}

/**
 * The snapshot's bytes for `content`, compressed on libuv's thread pool (0.5 s at a million touches): the calling
 * thread answers requests meanwhile, and writes the result with writePackedSnapshot.
 */
export function packSnapshotOffThread(key: EngineFileKey, content: EngineFileContent): Promise<Buffer> {
  return gzipPartsOffThread(encoded(key, content), LEVEL);
}

/** Writes bytes saveEngineSnapshot or packSnapshotOffThread made; see saveEngineSnapshot. */
export function writePackedSnapshot(db: Database.Database, key: EngineFileKey, packed: Uint8Array): boolean {
  return writeEngineSnapshotUnlessBusy(db, key.revision, packed, WRITE_WAIT_MS);
}

/**
 * The arrays the project keeps for the data revision of `key`, checked through and through
 * (engine/arrays/checkEngineData.ts: the snapshot comes with the file, from whoever made it); null when it has none for
 * this revision and app version, or one that is damaged or does not hold together, and the caller then reads the
 * tables. Call it inside the read transaction that read the revision.
 */
export function readProjectSnapshot(db: Database.Database, key: EngineFileKey): EngineFileContent | null {
  const fileBytes = databaseBytes(db);
  const limit = Math.min(MAX_EXPANSION * fileBytes, bufferConstants.MAX_LENGTH);
  const packed = readEngineSnapshot(db, key.revision, limit);
  if (!packed) return null;
  try {
    const maxOutline = Math.max(MIN_OUTLINE_BYTES, fileBytes * MAX_OUTLINE_SHARE);
    const content = decodeEngineData(unpackSnapshot(packed, limit), key, maxOutline, 'checked by gzip');
    if (!content) return null;
    checkEngineData(content.arrays);
    return { arrays: content.arrays, memo: checkedMemo(content.memo) };
  } catch {
    return null; // damaged, too big, or not of a shape the engine can use: the tables are read instead
  }
}

/** The snapshot's bytes unpacked; throws, having unpacked no more than `limit` bytes, when they would be more. */
export function unpackSnapshot(packed: Uint8Array, limit: number): Buffer {
  // gzip ends with the size it unpacks to (modulo 4 GiB): unpacked into one chunk of that size, the output is not
  // copied together again from zlib's 16 KiB chunks at the end (0.5 s for the 570 MB of a million small journeys).
  // The size comes with the file, so it only sizes the first chunk, never past the limit; the output's own length
  // is what counts, and the limit holds for it as before.
  const stated =
    packed.byteLength >= 18 ? new DataView(packed.buffer, packed.byteOffset).getUint32(packed.byteLength - 4, true) : 0;
  const chunkSize = Math.max(zlibConstants.Z_MIN_CHUNK, Math.min(stated, limit));
  return gunzipSync(packed, { maxOutputLength: limit, chunkSize });
}

/** What a snapshot of the project's current data is keyed by; null for a file without a data revision. */
export function engineKeyOf(db: Database.Database): EngineFileKey | null {
  const revision = readDataRevision(db);
  if (revision === null) return null;
  return {
    format: ENGINE_FILE_FORMAT,
    appVersion: APP_VERSION,
    schemaVersion: readSchemaVersion(db),
    revision,
  };
}
