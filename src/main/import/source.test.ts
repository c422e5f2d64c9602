import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { RowLines, countLineBreaks, rowSeparatorOf } from './source';

/** The line each row of `text` starts on, parsed as the import parses it. */
function rowStarts(text: string): number[] {
  const newline = rowSeparatorOf(text);
  const rows = Papa.parse<string[]>(text, { header: false, delimiter: ',', newline }).data;
  const lines = new RowLines(newline);
  return rows.map((fields) => lines.advance(fields));
}

describe('line numbers of rows', () => {
  it('counts CRLF, CR and LF as one line break each', () => {
    expect(countLineBreaks('a\r\nb\rc\nd')).toBe(3);
  });

  it('ends rows at the line break the header ends with, whatever breaks come later', () => {
    expect(rowSeparatorOf('id,name\r\n1,"a\rb"\r\n')).toBe('\r\n');
    expect(rowSeparatorOf('id,name\n1,"a\r\nb"\n')).toBe('\n');
    expect(rowSeparatorOf('id,name\r1,a\r')).toBe('\r');
  });

  it('numbers rows as an editor does, with quoted line breaks and a CR-prefixed formula', () => {
    // The third row starts with a lone CR (line 4 is empty to an editor) and the last row is on line 6; with
    // papaparse guessing CR as the separator, every CRLF counted twice.
    expect(rowStarts('id,x\r\n1,"two\r\nlines"\r\n\r=1+1,y\r\n4,z')).toEqual([1, 2, 4, 6]);
  });

  it('counts a CR ending a field and the LF after it once', () => {
    expect(rowStarts('id,x\n1,a\r\n2,b\n')).toEqual([1, 2, 3, 4]);
  });

  it('counts an LF opening a row after a CR separator once', () => {
    expect(rowStarts('id,x\r1,a\r\n2,b\r')).toEqual([1, 2, 3, 4]);
  });
});
