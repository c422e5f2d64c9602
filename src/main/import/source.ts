import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { TributaryError } from '../../shared/errors';
import { plural } from '../../shared/plural';
import { statInputFile, type FileRole } from '../store/filePaths';

export interface CsvSource {
  fileName: string;
  size: number;
  /** Decoded UTF-8 text (BOM removed) in chunks, for papaparse's stream reader. */
  text: Readable;
  /** Bytes read so far, for progress. */
  bytesRead(): number;
  /** The file's sha256, once `text` has ended. */
  sha256(): string;
}

const CHUNK_BYTES = 1 << 20;

const CSV_FILE: FileRole = { noun: 'file', kind: 'a CSV file' };

/** The size of the file to import, or an error that says why there is none: nothing there, or a folder. */
export function csvFileSize(path: string): number {
  return statInputFile(path, CSV_FILE).size;
}

/**
 * Reads a CSV file as UTF-8 text in chunks, hashing it on the way. Text that is not UTF-8 (UTF-16 from Excel's
 * "Unicode text", Windows-1252 from older exports) stops the read with a message that says where, since a wrong
 * guess would silently change names and emails. A file that shrinks while it is read is reported, not imported.
 */
export function openCsvSource(path: string): CsvSource {
  const size = csvFileSize(path);
  const fileName = basename(path);
  const hash = createHash('sha256');
  let read = 0;
  let lines = 1;
  let digest: string | null = null;

  async function* decode(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (read === 0) refuseUtf16(chunk, fileName);
        hash.update(chunk);
        read += chunk.length;
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw notUtf8(fileName, chunk, lines);
        }
        lines += countLineBreaks(text);
        if (text) yield text;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (error) {
      if (error instanceof TributaryError) throw error;
      throw new TributaryError('not_found', `${fileName} could not be read to the end: ${(error as Error).message}.`);
    }
    if (read !== size) {
      throw new TributaryError(
        'bad_request',
        `${fileName} changed while it was imported (${plural(size, 'byte')} at the start, ${read} read); nothing was imported.`,
      );
    }
    digest = hash.digest('hex');
  }

  return {
    fileName,
    size,
    text: Readable.from(decode(), { objectMode: true }),
    bytesRead: () => read,
    sha256: () => {
      if (digest === null) throw new Error('sha256 is known only once the file has been read to the end');
      return digest;
    },
  };
}

export function refuseUtf16(first: Buffer, fileName: string): void {
  const bom = first.subarray(0, 2).toString('hex');
  if (bom === 'fffe' || bom === 'feff') {
    throw new TributaryError(
      'bad_request',
      `${fileName} is UTF-16 text (as Excel's "Unicode Text" saves it); save it as "CSV UTF-8" and import it again.`,
    );
  }
}

/**
 * Line breaks in a text (or in a quoted field: the rows after it start that many lines further down), counted as
 * editors count them: \r\n, a lone \r and a lone \n each end one line.
 */
export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) count++;
    else if (code === 0x0d) {
      count++;
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return count;
}

/**
 * The line each parsed row starts on. Rows are a line apart plus the line breaks inside their fields, except where
 * the row separator and a CR or LF in a field make one CRLF between them (a field ending in CR before an LF
 * separator, or an LF opening the row after a CR separator): that pair is one line, not two.
 */
export class RowLines {
  private next = 1;

  constructor(private readonly newline: '\r\n' | '\r' | '\n') {}

  /** The line `fields` start on; moves past them and the separator after them. */
  advance(fields: readonly string[]): number {
    const start = this.next;
    let breaks = 0;
    for (const field of fields) breaks += countLineBreaks(field);
    if (this.newline === '\n' && fields.at(-1)?.endsWith('\r')) breaks--;
    if (this.newline === '\r' && start > 1 && fields[0]?.startsWith('\n')) breaks--;
    this.next = start + breaks + 1;
    return start;
  }
}

/**
 * The line break that ends the file's rows: the one after its first line. An export uses one throughout; guessing
 * from the whole head instead (papaparse's way) can take a lone \r inside a value for the row separator, and then
 * every \r\n counts twice and line numbers drift past the end of the file.
 */
export function rowSeparatorOf(text: string): '\r\n' | '\r' | '\n' {
  const match = /\r\n|\r|\n/.exec(text);
  return (match?.[0] as '\r\n' | '\r' | '\n' | undefined) ?? '\n';
}

/** Where the first byte that is not UTF-8 sits: line and byte, with the likely encoding named. */
export function notUtf8(fileName: string, chunk: Buffer, linesBefore: number): TributaryError {
  let offset = 0;
  while (offset < chunk.length) {
    const byte = chunk[offset] as number;
    const length = byte < 0x80 ? 1 : byte >> 5 === 0x6 ? 2 : byte >> 4 === 0xe ? 3 : byte >> 3 === 0x1e ? 4 : 0;
    if (length === 0 || offset + length > chunk.length) break;
    let valid = true;
    for (let k = 1; k < length; k++) if (((chunk[offset + k] as number) & 0xc0) !== 0x80) valid = false;
    if (!valid) break;
    offset += length;
  }
  const line = linesBefore + countLineBreaks(chunk.subarray(0, offset).toString('latin1'));
  const byte = (chunk[offset] ?? 0).toString(16).padStart(2, '0');
  return new TributaryError(
    'bad_request',
    `${fileName} is not UTF-8 text: line ${line} has byte 0x${byte}, as Windows-1252 or Latin-1 files do. ` +
      'Save it as "CSV UTF-8" and import it again.',
  );
}
