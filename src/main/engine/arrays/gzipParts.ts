import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

/** Parts are compressed in runs of about this many bytes: small parts together, a big one on its own. */
const RUN_BYTES = 8 * 1024 * 1024;
/** gzip's header: magic, deflate, no flags, no time, no extra flags, unknown OS (RFC 1952). */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const deflateRawAsync = promisify(deflateRaw);

/**
 * One gzip member of the bytes of `parts` taken in order, without copying them into one buffer first: at ten million
 * touches the encoded arrays are some 600 MiB, and the copy that gzipSync needed raised the demo generator's peak
 * from 3.26 to 3.80 GB. Each run of parts is deflated on its own and flushed to a byte boundary without ending the stream
 * (Z_SYNC_FLUSH), the last one finished: raw deflate streams so flushed follow each other as one (RFC 1951 blocks
 * never refer back past their own compressor's input), so gunzip reads the result as any gzip, and its trailer
 * states the whole length. The cost is one fresh dictionary per 8 MiB run.
 */
export function gzipParts(parts: readonly Uint8Array[], level: number, runBytes = RUN_BYTES): Buffer {
  const runs = runsOf(parts, runBytes);
  return member(
    runs,
    runs.map((run, i) => deflateRawSync(run, { level, finishFlush: flushAfter(i, runs) })),
  );
}

/** gzipParts on libuv's thread pool, one run at a time: the calling thread answers requests meanwhile. */
export async function gzipPartsOffThread(
  parts: readonly Uint8Array[],
  level: number,
  runBytes = RUN_BYTES,
): Promise<Buffer> {
  const runs = runsOf(parts, runBytes);
  const deflated: Buffer[] = [];
  for (const [i, run] of runs.entries()) {
    deflated.push(await deflateRawAsync(run, { level, finishFlush: flushAfter(i, runs) }));
  }
  return member(runs, deflated);
}

/** The last run ends the deflate stream; every other one is flushed to a byte boundary and leaves it open. */
function flushAfter(i: number, runs: readonly Uint8Array[]): number {
  return i === runs.length - 1 ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
}

/** The gzip member of `runs` deflated: header, the deflated runs in order, and the trailer of what they hold. */
function member(runs: readonly Uint8Array[], deflated: readonly Buffer[]): Buffer {
  let crc = 0;
  let length = 0;
  for (const run of runs) {
    crc = crcOf(run, crc);
    length += run.byteLength;
  }
  return Buffer.concat([HEADER, ...deflated, trailer(crc, length)]);
}

/**
 * The parts as runs of about `runBytes`: consecutive small parts copied together (a few megabytes at a time), a
 * part of `runBytes` or more as it is. Always at least one run, so an empty input still ends the stream.
 */
function runsOf(parts: readonly Uint8Array[], runBytes: number): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pending.length > 0) runs.push(pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  };
  for (const part of parts) {
    if (part.byteLength >= runBytes) {
      flush();
      runs.push(part);
      continue;
    }
    pending.push(part);
    pendingBytes += part.byteLength;
    if (pendingBytes >= runBytes) flush();
  }
  flush();
  if (runs.length === 0) runs.push(new Uint8Array(0));
  return runs;
}

/**
 * The CRC-32 of `bytes` continued from `crc`. An empty run is skipped: one over an ArrayBuffer of no bytes has no data
 * pointer, and zlib given none returns its initial value (0), not the CRC it was given.
 */
function crcOf(bytes: Uint8Array, crc: number): number {
  return bytes.byteLength === 0 ? crc : crc32(bytes, crc);
}

/** The CRC-32 and the length modulo 2^32 of what was deflated, little-endian (RFC 1952). */
function trailer(crc: number, length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32LE(crc >>> 0, 0);
  bytes.writeUInt32LE(length % 2 ** 32, 4);
  return bytes;
}
