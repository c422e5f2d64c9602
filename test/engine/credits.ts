import type { Dataset } from '../../src/main/engine/arrays/dataset';
import type { Journeys } from '../../src/main/engine/models/journeys';

/** Credit per `opportunity/touch` id of a run's journeys, in journey order: runs over other arrays compare directly. */
export function creditsByTouch(data: Dataset, journeys: Journeys, credits: Float64Array): Map<string, number> {
  const out = new Map<string, number>();
  for (let j = 0; j < journeys.count; j++) {
    const o = journeys.opportunity[j] as number;
    for (let k = journeys.start[j] as number; k < (journeys.start[j + 1] as number); k++) {
      out.set(`${data.opportunities.id[o]}/${data.touches.id[journeys.touch[k] as number]}`, credits[k] as number);
    }
  }
  return out;
}
