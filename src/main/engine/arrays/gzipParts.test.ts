import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gzipParts, gzipPartsOffThread } from './gzipParts';
import { unpackSnapshot } from './projectSnapshot';

const MiB = 1024 * 1024;
/** Runs of 64 KiB in the property: the boundaries of 8 MiB runs, at a size a test can afford many times. */
const RUN = 64 * 1024;

/** Parts as the encoder makes them: a small outline, columns of every size, some empty, some incompressible. */
function partsOf(sizes: number[], seed: number): Uint8Array[] {
  return sizes.map((size, i) =>
    (i + seed) % 3 === 0 ? randomBytes(size) : Buffer.alloc(size, `column ${i} of ${size} bytes; `),
  );
}

describe('gzip of parts', () => {
  it('is one gzip member of the parts in order, whatever their sizes, synchronously or off the thread', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 * RUN }), { maxLength: 12 }),
        fc.nat(2),
        async (sizes, seed) => {
          const parts = partsOf(sizes, seed);
          const whole = Buffer.concat(parts);
          for (const packed of [gzipParts(parts, 1, RUN), await gzipPartsOffThread(parts, 1, RUN)]) {
            expect(gunzipSync(packed).equals(whole)).toBe(true);
            // Its trailer states the whole length (unpackSnapshot sizes its output from it).
            expect(packed.readUInt32LE(packed.byteLength - 4)).toBe(whole.byteLength);
            expect(unpackSnapshot(packed, whole.byteLength + 1).equals(whole)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('deflates a part bigger than a run on its own, and still compresses', () => {
    const parts = [Buffer.alloc(100, 'outline'), Buffer.alloc(20 * MiB, 'a repeated column value '), Buffer.alloc(7)];
    const packed = gzipParts(parts, 1);
    expect(packed.byteLength).toBeLessThan(MiB);
    expect(gunzipSync(packed).equals(Buffer.concat(parts))).toBe(true);
  });
});
