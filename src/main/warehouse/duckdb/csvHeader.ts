import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import { TributaryError } from '../../../shared/errors';

/** A header longer than this is not a canonical file's. */
const HEADER_BYTES = 1 << 20;

/**
 * The header row of a CSV file, read in JavaScript so that DuckDB reads the file with every setting given (comma,
 * double quotes, the header skipped, one VARCHAR column per header cell named c0, c1, …) and no sniffing: DuckDB's
 * sniffer gives up on a small file with one bad row, where a reader told the layout names the row's line. The
 * names then never enter SQL at all.
 */
export function readCsvHeader(path: string, name: string): string[] {
  const fd = openSync(path, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const length = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    text = buffer
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
  const parsed = Papa.parse<string[]>(text, { preview: 1, delimiter: ',', quoteChar: '"', escapeChar: '"' });
  const header = parsed.data[0] ?? [];
  if (header.length === 0 || header.every((cell) => cell.trim() === '')) {
    throw new TributaryError('bad_request', `${name} has no header row (the first line names the columns)`);
  }
  return header;
}
