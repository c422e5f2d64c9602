/**
 * The journey timeline's geometry (issue 17): a time axis with calendar ticks, and touches binned by the pixel
 * columns they fall in, so a journey of thousands of touches draws as a few paths rather than a node per touch.
 */

const DAY_MS = 86_400_000;

export interface TimeTick {
  at: number;
  label: string;
}

interface TickStep {
  unit: 'day' | 'month' | 'year';
  count: number;
  /** Roughly, to pick the step: the real span of a month or a year varies. */
  approxMs: number;
}

const STEPS: TickStep[] = [
  { unit: 'day', count: 1, approxMs: DAY_MS },
  { unit: 'day', count: 2, approxMs: 2 * DAY_MS },
  { unit: 'day', count: 7, approxMs: 7 * DAY_MS },
  { unit: 'day', count: 14, approxMs: 14 * DAY_MS },
  { unit: 'month', count: 1, approxMs: 30.44 * DAY_MS },
  { unit: 'month', count: 3, approxMs: 91.3 * DAY_MS },
  { unit: 'month', count: 6, approxMs: 182.6 * DAY_MS },
  { unit: 'year', count: 1, approxMs: 365.25 * DAY_MS },
  { unit: 'year', count: 2, approxMs: 730.5 * DAY_MS },
  { unit: 'year', count: 5, approxMs: 1826 * DAY_MS },
  { unit: 'year', count: 10, approxMs: 3652 * DAY_MS },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Ticks on calendar boundaries in UTC (the stored timestamps are UTC, spec 1) within [from, to]: the finest step of
 * days, months or years that gives at most `maxTicks`. Days are labelled "3 Mar 2025", months "Mar 2025" (January
 * by its year alone is ambiguous next to "Mar 2025", so it keeps its month), years "2025".
 */
export function timeTicks(from: number, to: number, maxTicks: number): TimeTick[] {
  if (!(to > from) || maxTicks < 1) return [];
  const span = to - from;
  const step = STEPS.find((candidate) => span / candidate.approxMs <= maxTicks) ?? yearStep(span, maxTicks);
  const ticks: TimeTick[] = [];
  for (let at = firstTick(from, step); at <= to; at = nextTick(at, step)) ticks.push({ at, label: label(at, step) });
  return ticks;
}

/** A step of whole decades for spans past what STEPS covers. */
function yearStep(span: number, maxTicks: number): TickStep {
  const years = Math.ceil(span / (365.25 * DAY_MS) / maxTicks / 10) * 10;
  return { unit: 'year', count: years, approxMs: years * 365.25 * DAY_MS };
}

function firstTick(from: number, step: TickStep): number {
  const date = new Date(from);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  let at: number;
  if (step.unit === 'day') {
    // Day steps count from the epoch, so a week's ticks fall on the same weekday whatever the range.
    const day = Math.ceil(from / DAY_MS);
    at = Math.ceil(day / step.count) * step.count * DAY_MS;
  } else if (step.unit === 'month') {
    const m = Math.ceil(month / step.count) * step.count;
    at = Date.UTC(year, m, 1);
    if (at < from) at = Date.UTC(year, m + step.count, 1);
  } else {
    const y = Math.ceil(year / step.count) * step.count;
    at = Date.UTC(y, 0, 1);
    if (at < from) at = Date.UTC(y + step.count, 0, 1);
  }
  return at;
}

function nextTick(at: number, step: TickStep): number {
  const date = new Date(at);
  if (step.unit === 'day') return at + step.count * DAY_MS;
  if (step.unit === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + step.count, 1);
  return Date.UTC(date.getUTCFullYear() + step.count, 0, 1);
}

function label(at: number, step: TickStep): string {
  const date = new Date(at);
  const month = MONTHS[date.getUTCMonth()] as string;
  if (step.unit === 'day') return `${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
  if (step.unit === 'month') return `${month} ${date.getUTCFullYear()}`;
  return String(date.getUTCFullYear());
}

/** Where a time falls on an axis of `width` pixels from `from` to `to`. */
export function xOf(at: number, from: number, to: number, width: number): number {
  return to > from ? ((at - from) / (to - from)) * width : width / 2;
}

/** The touches of one pixel column range: how many, and which (indexes into the journey's touches, in order). */
export interface TouchBin {
  /** Left edge, in pixels. */
  x: number;
  first: number;
  count: number;
}

/**
 * Touches grouped into columns of `binPx` pixels: touches must come in time order (spec 1's order, as the journey
 * API gives them), so each bin is a run of consecutive indexes and the binning is one pass.
 */
export function binTouches(
  times: readonly number[],
  from: number,
  to: number,
  width: number,
  binPx: number,
): TouchBin[] {
  const bins: TouchBin[] = [];
  const columns = Math.max(1, Math.floor(width / binPx));
  for (let i = 0; i < times.length; i++) {
    const column = Math.min(columns - 1, Math.max(0, Math.floor(xOf(times[i] as number, from, to, width) / binPx)));
    const last = bins[bins.length - 1];
    const x = column * binPx;
    if (last && last.x === x) last.count++;
    else bins.push({ x, first: i, count: 1 });
  }
  return bins;
}

/** The bin holding pixel x, or null where no touch was drawn. */
export function binAt(bins: readonly TouchBin[], x: number, binPx: number): TouchBin | null {
  let low = 0;
  let high = bins.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const bin = bins[mid] as TouchBin;
    if (x < bin.x) high = mid - 1;
    else if (x >= bin.x + binPx) low = mid + 1;
    else return bin;
  }
  return null;
}

/** The time range the axis spans: the deal's life and every touch, with a margin so nothing sits on the edge. */
export function timelineRange(createdAt: number, closedAt: number | null, times: readonly number[]): [number, number] {
  let from = createdAt;
  let to = closedAt ?? createdAt;
  for (const at of times) {
    if (at < from) from = at;
    if (at > to) to = at;
  }
  // One day either side at least: a journey of one instant still has an axis.
  const margin = Math.max(DAY_MS, (to - from) * 0.03);
  return [from - margin, to + margin];
}

/** A labelled instant on the timeline: a journey position (FT, LC, OC, CW) or the deal's created or closed date. */
export interface TimelineMarker {
  x: number;
  label: string;
  kind: 'position' | 'deal';
}

export interface PlacedMarker extends TimelineMarker {
  /** Which label row it sits in, 0 nearest the touches. */
  row: number;
  /** Where the label sits: right of its line, or left of it when it would run past the plot's right edge. */
  anchor: 'start' | 'end';
}

/** Roughly, the width of a character of 11 px text: enough to keep labels apart, not a measurement. */
export const LABEL_CHAR_PX = 7;

/**
 * Label rows for the markers, so labels near each other in time stack instead of overwriting: each marker takes the
 * first row whose labels all end before its own starts; past `rows` rows, the last row is shared. A label that would
 * run past `width` sits left of its line, and its row is chosen for where it really is.
 */
export function placeMarkers(markers: readonly TimelineMarker[], rows: number, width: number): PlacedMarker[] {
  const ends: number[] = [];
  return [...markers]
    .sort((a, b) => a.x - b.x)
    .map((marker) => {
      const length = 4 + marker.label.length * LABEL_CHAR_PX;
      const anchor = marker.x + length <= width ? 'start' : 'end';
      const [start, end] = anchor === 'start' ? [marker.x - 2, marker.x + length] : [marker.x - length, marker.x + 2];
      let row = ends.findIndex((last) => last < start);
      if (row < 0) row = ends.length < rows ? ends.length : rows - 1;
      ends[row] = Math.max(ends[row] ?? -Infinity, end);
      return { ...marker, row, anchor };
    });
}
