import fc from 'fast-check';

/** One journey as the data-driven models see it: its touches' channel ids in order, and whether it converted. */
export interface Path {
  channels: number[];
  converted: boolean;
}

export const won = (...channels: number[]): Path => ({ channels, converted: true });
export const lost = (...channels: number[]): Path => ({ channels, converted: false });

/**
 * Random journeys over 1 to `maxChannels` channels, for pathSetFrom: up to 30 paths (at least `minPaths`) of up to
 * 6 touches each, channels repeating and paths without a touch included.
 */
export function pathSetsArbitrary({
  maxChannels,
  minPaths = 0,
}: {
  maxChannels: number;
  minPaths?: number;
}): fc.Arbitrary<{ channelCount: number; paths: Path[] }> {
  return fc.integer({ min: 1, max: maxChannels }).chain((channelCount) =>
    fc.record({
      channelCount: fc.constant(channelCount),
      paths: fc.array(
        fc.record({
          channels: fc.array(fc.integer({ min: 0, max: channelCount - 1 }), { maxLength: 6 }),
          converted: fc.boolean(),
        }),
        { minLength: minPaths, maxLength: 30 },
      ),
    }),
  );
}
