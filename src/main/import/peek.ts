import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { TributaryError } from '../../shared/errors';
import { RowLines, csvFileSize, notUtf8, refuseUtf16, rowSeparatorOf } from './source';

export interface CsvPeek {
  fileName: string;
  size: number;
  headers: string[];
  delimiter: string;
  /** What ends a row: the line break after the header. */
  newline: '\r\n' | '\r' | '\n';
  /** The first data rows, as parsed (header and blank lines excluded). */
  rows: string[][];
  /** The file line each of `rows` starts on. */
  lines: number[];
}

const PEEK_BYTES = 2 * 1024 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Reads the head of a CSV: headers, delimiter (comma, semicolon, tab or pipe, detected by papaparse) and a sample
 * of rows for auto-mapping, format detection and the wizard's preview. Whole-file problems are reported here,
 * before anything is written: empty file, header only, no header, blank or repeated header names.
 */
export function peekCsv(path: string, maxRows = 200): CsvPeek {
  const size = csvFileSize(path);
  const fileName = basename(path);
  if (size === 0) throw new TributaryError('bad_request', `${fileName} is empty.`);
  const buffer = Buffer.alloc(Math.min(size, PEEK_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  refuseUtf16(buffer, fileName);
  const whole = buffer.length === size;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer, { stream: !whole });
  } catch {
    throw notUtf8(fileName, buffer, 1);
  }
  const newline = rowSeparatorOf(text);
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: DELIMITERS,
    newline,
    preview: maxRows * 2 + 2,
  });
  const all = parsed.data;
  if (!whole && all.length > 1) all.pop(); // the last row may be cut by the peek window
  const rows: string[][] = [];
  const lines: number[] = [];
  const rowLines = new RowLines(newline);
  for (const fields of all) {
    const line = rowLines.advance(fields);
    if (!(fields.length === 1 && fields[0]?.trim() === '')) {
      rows.push(fields);
      lines.push(line);
    }
  }
  const headers = (rows.shift() ?? []).map((header) => header.trim());
  const headerLine = lines.shift() ?? 1;
  if (headers.length === 0 || headers.every((header) => header === '')) {
    throw new TributaryError('bad_request', `${fileName} has no header row.`);
  }
  const blank = headers.findIndex((header) => header === '');
  if (blank !== -1) {
    throw new TributaryError(
      'bad_request',
      `${fileName}: line ${headerLine}, column ${blank + 1} has an empty header.`,
    );
  }
  const repeated = headers.find((header, index) => headers.indexOf(header) !== index);
  if (repeated !== undefined) {
    throw new TributaryError('bad_request', `${fileName}: line ${headerLine} names the column "${repeated}" twice.`);
  }
  // A first row longer than the peek window is cut away above, not missing: the import reads it whole.
  if (rows.length === 0 && whole) {
    throw new TributaryError('bad_request', `${fileName} has a header row but no data rows.`);
  }
  return {
    fileName,
    size,
    headers,
    delimiter: parsed.meta.delimiter,
    newline,
    rows: rows.slice(0, maxRows),
    lines: lines.slice(0, maxRows),
  };
}
