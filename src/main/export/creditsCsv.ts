import { csvLine } from '../../shared/csv';
import { POSITION_MODELS, type ModelOptions } from '../../shared/modelOptions';
import { STAGE_IDS, TOUCH_KINDS } from '../engine/arrays/dataset';
import { POSITION_BITS, POSITION_NAMES } from '../engine/models/journeys';
import type { ModelRunResult } from '../engine/run';
import type { Dataset } from '../engine/arrays/dataset';
import type { Journeys } from '../engine/models/journeys';
import type { PipelineRun } from '../engine/pipeline/pipeline';
import { assertCanCreateFile } from '../store/filePaths';
import { writeWholeFileSync } from './wholeFile';

/** cli.md: `channel` as imported, `channel_group` the reported channel of spec 10 (the channel where no rule matches). */
export const CREDITS_HEADER = [
  'opportunity_id',
  'touch_kind',
  'touch_id',
  'channel',
  'channel_group',
  'positions',
  'credit',
];

/** The credits file's name, the same for a file saved in the app and a download slot reserved in browser mode. */
export function creditsFileName(options: ModelOptions): string {
  return `credits-${options.model}.csv`;
}

/** What a credits file is written from: a run's credited journeys, and the deals it lists. */
interface CreditsSource {
  data: Dataset;
  options: ModelOptions;
  journeys: Journeys;
  credits: Float64Array;
  /** Whether deal o is listed: its credited touches, or one row with its whole amount when it has none. */
  lists(o: number): boolean;
}

/**
 * `--out` of spec cli.md: one row per credited touch of a won opportunity, in opportunity then touch order, and
 * one row with empty touch_kind and touch_id for each won opportunity with no touch (its whole amount). Written to
 * a temporary file and renamed, so a failed run never leaves half a file.
 */
export function writeCreditsCsv(path: string, { data, attribution: run }: ModelRunResult): number {
  const opps = data.opportunities;
  return writeCredits(path, {
    data,
    options: run.options,
    journeys: run.journeys,
    credits: run.credits,
    // spec 9: the in-scope won opportunities only.
    lists: (o) => opps.stage[o] === STAGE_IDS.won && (run.inScope === null || run.inScope[o] === 1),
  });
}

/** `--pipeline --out` (cli.md): the same file for the in-scope open deals' pipeline credits (spec 11). */
export function writePipelineCreditsCsv(path: string, pipeline: PipelineRun): number {
  const listed = new Uint8Array(pipeline.data.opportunities.count);
  for (let j = 0; j < pipeline.journeys.count; j++) listed[pipeline.journeys.opportunity[j] as number] = 1;
  return writeCredits(path, { ...pipeline, lists: (o) => listed[o] === 1 });
}

function writeCredits(path: string, run: CreditsSource): number {
  assertCreditsCsvTarget(path);
  const { data } = run;
  const withPositions = (POSITION_MODELS as readonly string[]).includes(run.options.model);
  const journeyOf = new Int32Array(data.opportunities.count).fill(-1);
  const raw = data.rawChannels ?? { channels: data.channels, channel: data.touches.channel };
  for (let j = 0; j < run.journeys.count; j++) journeyOf[run.journeys.opportunity[j] as number] = j;
  return writeWholeFileSync(path, (sink) => {
    let rows = 0;
    sink.write(csvLine(CREDITS_HEADER));
    const opps = data.opportunities;
    for (let o = 0; o < opps.count; o++) {
      if (!run.lists(o)) continue;
      const id = opps.id[o] as string;
      const j = journeyOf[o] as number;
      const s = j < 0 ? 0 : (run.journeys.start[j] as number);
      const e = j < 0 ? 0 : (run.journeys.start[j + 1] as number);
      if (e === s) {
        sink.write(csvLine([id, '', '', '', '', '', opps.amount[o] as number]));
        rows++;
      }
      for (let k = s; k < e; k++) {
        const credit = run.credits[k] as number;
        if (credit <= 0) continue;
        const t = run.journeys.touch[k] as number;
        const bits = run.journeys.positions[k] as number;
        const positions = withPositions
          ? POSITION_NAMES.filter((_, i) => bits & (POSITION_BITS[i] as number)).join('|')
          : '';
        sink.write(
          csvLine([
            id,
            TOUCH_KINDS[data.touches.kind[t] as number] as string,
            data.touches.id[t] as string,
            raw.channels.values[raw.channel[t] as number] as string,
            data.channels.values[data.touches.channel[t] as number] as string,
            positions,
            credit,
          ]),
        );
        rows++;
      }
    }
    return rows;
  });
}

/** A credits file can be written at `path`: not a folder, and in a folder that exists. */
export function assertCreditsCsvTarget(path: string): void {
  assertCanCreateFile(path, 'the credits CSV');
}
