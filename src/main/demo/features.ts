import { FEATURE_NAMES } from './catalog';
import { DAY, DEMO_END, DEMO_START } from './plan';
import type { Random } from './random';
import type { DemoWriter } from './writer';

export interface FeatureInfo {
  id: string;
  /** Null while the feature is still on the roadmap. */
  shippedAt: number | null;
}

/** About one feature per fifty accounts, at least a dozen; ids follow release order, unshipped ones last. */
export function featureCount(accounts: number): number {
  return Math.min(FEATURE_NAMES.length, 12 + Math.floor(accounts / 50));
}

export function writeFeatures(random: Random, writer: DemoWriter, count: number): FeatureInfo[] {
  const names: string[] = [...FEATURE_NAMES];
  for (let i = names.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  const shipped = Math.round(count * 0.75);
  const releaseDays: number[] = [];
  const firstDay = DEMO_START / DAY + 45;
  const lastDay = DEMO_END / DAY - 20;
  for (let i = 0; i < shipped; i++) releaseDays.push(Math.floor(random.float(firstDay, lastDay)));
  releaseDays.sort((a, b) => a - b);
  return names.slice(0, count).map((name, i) => {
    const day = releaseDays[i];
    // Releases go out mid-afternoon UTC.
    const shippedAt = day === undefined ? null : day * DAY + 16 * 3_600_000;
    return { id: writer.feature(name, shippedAt), shippedAt };
  });
}
