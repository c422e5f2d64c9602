import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from './jsonStream';

function written(value: unknown): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  writeJson(value, (chunk) => chunks.push(chunk));
  return { text: chunks.join(''), chunks };
}

describe('writeJson', () => {
  it('writes what JSON.stringify writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(written(value).text).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('reads values as JSON.stringify does: toJSON, undefined and functions, NaN and typed values', () => {
    const value = {
      when: new Date(Date.UTC(2024, 0, 2)),
      gone: undefined,
      act: () => 1,
      list: [undefined, () => 1, NaN, -0, 1e21, 'a"b\n'],
      nested: { deep: [{ x: 1 }, []], empty: {} },
    };
    expect(written(value).text).toBe(JSON.stringify(value));
  });

  it('writes a list of 200,000 entries in chunks, never as one string', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ opportunityId: `O${i}`, amount: i * 1.5 }));
    const { text, chunks } = written({ rows });
    expect(chunks.length).toBeGreaterThan(100);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(70_000);
    expect(text).toBe(JSON.stringify({ rows }));
  });
});
