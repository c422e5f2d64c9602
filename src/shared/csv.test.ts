import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv } from './csv';

describe('CSV the app writes', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rx', '\nx'])(
    'neutralises %j so a spreadsheet shows it as text',
    (cell) => {
      expect(neutralizeCell(cell)).toBe(`'${cell}`);
    },
  );

  it('leaves ordinary text and numbers alone, negative numbers included', () => {
    expect(neutralizeCell('Acme')).toBe('Acme');
    expect(toCsv(['a', 'b'], [[-5, 'x']])).toBe('a,b\r\n-5,x\r\n');
  });

  it('round-trips quotes, commas and line breaks through a CSV parser', () => {
    const rows = [['say "hi", then', 'two\nlines', null, 12.5]];
    const parsed = Papa.parse<string[]>(toCsv(['a', 'b', 'c', 'd'], rows).trimEnd()).data;
    expect(parsed).toEqual([
      ['a', 'b', 'c', 'd'],
      ['say "hi", then', 'two\nlines', '', '12.5'],
    ]);
  });
});
