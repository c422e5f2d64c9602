import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { JourneyDetail, JourneyTouch } from '../../../../shared/journeyApi';
import { formatCount, formatUtcTimestamp } from '../../format';
import { personLabel } from '../../journeys/people';
import {
  binAt,
  binTouches,
  placeMarkers,
  timelineRange,
  timeTicks,
  xOf,
  type TimelineMarker,
  type TouchBin,
} from '../../journeys/timelineLayout';

/** Pixel columns a bin spans: touches closer than this on screen are drawn, and hovered, as one. */
const BIN_PX = 3;
const LABEL_ROWS = 3;
const ROW_PX = 13;
const LANE_PX = 26;
const LANE_GAP = 4;
const TOP = LABEL_ROWS * ROW_PX + 4;
const COMMUNITY_Y = TOP;
const MARKETING_Y = TOP + LANE_PX + LANE_GAP;
const AXIS_Y = MARKETING_Y + LANE_PX + 2;
const HEIGHT = AXIS_Y + 20;
const LANE_LABEL_PX = 74;
/** Before the first measurement, and in a test without layout. */
const FALLBACK_WIDTH = 720;
/** The most ticks per 100 pixels of axis: labels like "12 Mar 2025" need about that much room. */
const TICKS_PER_100_PX = 1;
const SHOWN_POSITIONS = ['FT', 'LC', 'OC', 'CW'] as const;

/** The width the chart has: it fills its card and follows a resize. */
function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth || FALLBACK_WIDTH);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** A bar's path segment: a rectangle at x of the bin's width, growing up from the lane's foot. */
function bar(x: number, laneY: number, count: number, most: number): string {
  const height = 4 + (LANE_PX - 4) * Math.sqrt(count / most);
  return `M${x} ${laneY + LANE_PX - height}h${Math.max(1, BIN_PX - 1)}v${height}h${-Math.max(1, BIN_PX - 1)}z`;
}

function describeTouch(touch: JourneyTouch): string {
  const positions = touch.positions.length > 0 ? ` · ${touch.positions.join(', ')}` : '';
  const who = touch.person ? ` · ${personLabel(touch.person)}` : '';
  return `${formatUtcTimestamp(touch.occurredAt)} · ${touch.kind}${who} · ${touch.channel}${positions}`;
}

function describeBin(touches: readonly JourneyTouch[], bin: TouchBin): string {
  if (bin.count === 1) return describeTouch(touches[bin.first] as JourneyTouch);
  let community = 0;
  for (let i = bin.first; i < bin.first + bin.count; i++) if (touches[i]?.kind === 'community') community++;
  const from = formatUtcTimestamp((touches[bin.first] as JourneyTouch).occurredAt);
  const to = formatUtcTimestamp((touches[bin.first + bin.count - 1] as JourneyTouch).occurredAt);
  return `${formatCount(bin.count)} touches, ${from} to ${to}: ${formatCount(community)} community, ${formatCount(bin.count - community)} marketing`;
}

/**
 * One journey's touches on a time axis (issue 17), community above marketing, with the positions FT, LC, OC and CW
 * and the deal's created and closed dates marked. Touches are binned by pixel column and each kind is one path, so a
 * journey of thousands of touches stays a handful of nodes; one overlay follows the pointer and names the touch, or
 * the count of touches, under it.
 */
export function TouchTimeline({ detail }: { detail: JourneyDetail }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapper);
  const [hovered, setHovered] = useState<{ bin: TouchBin; left: number } | null>(null);
  const { touches, createdAt, closedAt } = detail;
  const plot = Math.max(100, width - LANE_LABEL_PX - 8);

  const chart = useMemo(() => {
    const times = touches.map((touch) => touch.occurredAt);
    const [from, to] = timelineRange(createdAt, closedAt, times);
    const bins = binTouches(times, from, to, plot, BIN_PX);
    const counts = bins.map((bin) => {
      let community = 0;
      for (let i = bin.first; i < bin.first + bin.count; i++) if (touches[i]?.kind === 'community') community++;
      return { community, marketing: bin.count - community };
    });
    const most = Math.max(1, ...counts.map((count) => Math.max(count.community, count.marketing)));
    let communityPath = '';
    let marketingPath = '';
    bins.forEach((bin, i) => {
      const count = counts[i] as { community: number; marketing: number };
      if (count.community > 0) communityPath += bar(bin.x, COMMUNITY_Y, count.community, most);
      if (count.marketing > 0) marketingPath += bar(bin.x, MARKETING_Y, count.marketing, most);
    });
    const markers: TimelineMarker[] = [{ x: xOf(createdAt, from, to, plot), label: 'created', kind: 'deal' }];
    if (closedAt !== null) markers.push({ x: xOf(closedAt, from, to, plot), label: 'closed', kind: 'deal' });
    touches.forEach((touch) => {
      const held = SHOWN_POSITIONS.filter((position) => touch.positions.includes(position));
      if (held.length > 0)
        markers.push({ x: xOf(touch.occurredAt, from, to, plot), label: held.join('·'), kind: 'position' });
    });
    const ticks = timeTicks(from, to, Math.max(2, Math.floor((plot / 100) * TICKS_PER_100_PX)));
    return {
      bins,
      communityPath,
      marketingPath,
      markers: placeMarkers(markers, LABEL_ROWS, plot),
      ticks: ticks.map((tick) => ({ ...tick, x: xOf(tick.at, from, to, plot) })),
    };
  }, [touches, createdAt, closedAt, plot]);

  function hover(event: MouseEvent<SVGRectElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    // The nearest bin within a column either side: a lone touch is a thin bar, hard to hit exactly.
    const bin =
      binAt(chart.bins, x, BIN_PX) ?? binAt(chart.bins, x - BIN_PX, BIN_PX) ?? binAt(chart.bins, x + BIN_PX, BIN_PX);
    setHovered(bin ? { bin, left: LANE_LABEL_PX + bin.x } : null);
  }

  const summary =
    `Timeline of ${formatCount(touches.length)} touch${touches.length === 1 ? '' : 'es'}` +
    (touches.length > 0
      ? ` from ${formatUtcTimestamp((touches[0] as JourneyTouch).occurredAt)} to ${formatUtcTimestamp((touches[touches.length - 1] as JourneyTouch).occurredAt)}`
      : '');
  return (
    <div className="touch-timeline" ref={wrapper}>
      <svg width={width} height={HEIGHT} role="img" aria-label={summary}>
        <text className="lane-label" x={0} y={COMMUNITY_Y + LANE_PX / 2 + 4}>
          Community
        </text>
        <text className="lane-label" x={0} y={MARKETING_Y + LANE_PX / 2 + 4}>
          Marketing
        </text>
        <g transform={`translate(${LANE_LABEL_PX} 0)`}>
          <rect className="lane" x={0} y={COMMUNITY_Y} width={plot} height={LANE_PX} />
          <rect className="lane" x={0} y={MARKETING_Y} width={plot} height={LANE_PX} />
          {chart.ticks.map((tick) => (
            <g key={tick.at} className="tick" transform={`translate(${tick.x} 0)`}>
              <line y1={AXIS_Y - 3} y2={AXIS_Y + 3} />
              <text y={AXIS_Y + 15} textAnchor="middle">
                {tick.label}
              </text>
            </g>
          ))}
          <line className="axis" x1={0} x2={plot} y1={AXIS_Y} y2={AXIS_Y} />
          <path className="community" d={chart.communityPath} />
          <path className="marketing" d={chart.marketingPath} />
          {chart.markers.map((marker) => (
            <g key={`${marker.label}:${marker.x}`} className={`marker ${marker.kind}`}>
              <line x1={marker.x} x2={marker.x} y1={TOP - (marker.row + 1) * ROW_PX + 3} y2={AXIS_Y} />
              <text
                x={marker.anchor === 'start' ? marker.x + 2 : marker.x - 2}
                textAnchor={marker.anchor}
                y={TOP - marker.row * ROW_PX - 3}
              >
                {marker.label}
              </text>
            </g>
          ))}
          <rect
            className="hover-target"
            x={0}
            y={0}
            width={plot}
            height={AXIS_Y}
            onMouseMove={hover}
            onMouseLeave={() => setHovered(null)}
          />
        </g>
      </svg>
      {hovered && (
        // Under the axis: above, it would hide the position labels the user is reading the touches against.
        <div
          className="timeline-tooltip"
          role="tooltip"
          style={{ left: Math.max(0, Math.min(hovered.left, width - 260)), top: HEIGHT }}
        >
          {describeBin(touches, hovered.bin)}
        </div>
      )}
    </div>
  );
}
