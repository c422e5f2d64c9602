import { memo, useEffect } from 'react';
import type { ModelOptions } from '../../../../shared/modelOptions';
import { withIntervals, type FigureRanges, type RobustnessResult } from '../../../../shared/robustness';
import { robustnessSummary } from '../../../../shared/robustnessWords';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatCount, formatMoney } from '../../format';
import {
  ROBUSTNESS_CSV_HEADER,
  ROBUSTNESS_TOP_CHANNELS,
  robustRows,
  robustnessCsvRows,
  rowsScale,
  type RobustRow,
} from '../../model/robustnessTable';
import { useProjectStore } from '../../stores/project';
import { optionsKeyOf, useRobustnessStore } from '../../stores/robustness';
import { ChoiceSwitch } from './ChoiceSwitch';
import { RangeTrack } from './RangeTrack';

const DELTAS = [
  { value: '5', label: '±5' },
  { value: '10', label: '±10' },
  { value: '20', label: '±20' },
] as const;

/**
 * "How sure is this?" (spec 13): per channel and CAR figure, the current value, its range over the weightings near
 * the current ones (a band), over the built-in models (marks) and, once the bootstrap ran, its 95% interval
 * (whiskers); with the plain-words reading of which ranks hold, and the whole table as CSV.
 */
export function RobustnessSection({ options, currency }: { options: ModelOptions; currency: string }) {
  const request = useRobustnessStore((state) => state.request);
  useEffect(() => {
    request(options);
  }, [options, request]);
  return <RobustnessView optionsKey={optionsKeyOf(options)} currency={currency} />;
}

const RobustnessView = memo(function RobustnessView({
  optionsKey,
  currency,
}: {
  optionsKey: string;
  currency: string;
}) {
  const { delta, result, loading, error, bootstrap, bootstrapError, setDelta, startBootstrap, cancelBootstrap } =
    useRobustnessStore();
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  const status = bootstrap?.status ?? null;
  const running = status?.state === 'running';
  const intervals = status?.state === 'done' ? status.intervals : null;
  const fresh = intervals !== null && bootstrap?.optionsKey === optionsKey;
  const shown: RobustnessResult | null = result && intervals && fresh ? withIntervals(result, intervals) : result;

  function downloadCsv() {
    if (shown) downloadTableCsv(`${projectName} robustness.csv`, ROBUSTNESS_CSV_HEADER, robustnessCsvRows(shown));
  }

  return (
    <section className="robustness" aria-labelledby="robustness-heading" aria-busy={loading}>
      <div className="results-header">
        <h3 id="robustness-heading">How sure is this?</h3>
        {shown?.weights && (
          <ChoiceSwitch
            label="Weights within (points)"
            name="robustness-delta"
            options={DELTAS}
            value={String(delta) as (typeof DELTAS)[number]['value']}
            onChange={(value) => setDelta(Number(value))}
          />
        )}
        {running ? (
          <>
            <progress
              className="robust-progress"
              aria-label="Bootstrap progress"
              value={status.done}
              max={status.total}
            />
            <span className="muted small" role="status">
              {formatCount(status.done)} of {formatCount(status.total)} resamples
            </span>
            <button type="button" className="secondary" onClick={cancelBootstrap}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="secondary" disabled={!result} onClick={startBootstrap}>
            Run bootstrap
          </button>
        )}
        {shown && (
          <button type="button" className="secondary" onClick={downloadCsv}>
            Download CSV
          </button>
        )}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          The ranges could not be computed: {error}
        </p>
      )}
      {bootstrapError && (
        <p className="inline-error" role="alert">
          The bootstrap stopped: {bootstrapError}
        </p>
      )}
      {status?.state === 'cancelled' && <p className="muted small">Bootstrap cancelled.</p>}
      {intervals && !fresh && (
        <p className="muted small">The bootstrap ran on earlier settings: run it again for these.</p>
      )}
      {!shown && !error && <p className="muted">Computing…</p>}
      {shown && <RobustnessBody result={shown} currency={currency} stale={loading} />}
    </section>
  );
});

function RobustnessBody({ result, currency, stale }: { result: RobustnessResult; currency: string; stale: boolean }) {
  const { channels, car } = robustRows(result);
  const top = channels.slice(0, ROBUSTNESS_TOP_CHANNELS);
  return (
    <div className={stale ? 'robustness-body stale' : 'robustness-body'}>
      {robustnessSummary(result).map((sentence) => (
        <p key={sentence} className="robust-summary">
          {sentence}
        </p>
      ))}
      <p className="muted small robust-legend">
        <span className="legend-band" /> weights within ±{result.delta} points
        <span className="legend-mark" /> least and greatest over the 12 models
        {result.bootstrap && (
          <>
            <span className="legend-whisker" /> 95% interval over {formatCount(result.bootstrap.resamples)} resamples
          </>
        )}
        <span className="legend-value" /> now
      </p>
      <RangeTable label="Ranges by channel" rows={top} currency={currency} delta={result.delta} />
      {channels.length > top.length && (
        <p className="muted small">
          The top {top.length} of {channels.length} credited channels; the CSV has them all.
        </p>
      )}
      <RangeTable label="Ranges of community-attributed revenue" rows={car} currency={currency} delta={result.delta} />
    </div>
  );
}

function RangeTable({
  label,
  rows,
  currency,
  delta,
}: {
  label: string;
  rows: RobustRow[];
  currency: string;
  delta: number;
}) {
  const scale = rowsScale(rows);
  const money = (value: number) => formatMoney(value, currency);
  return (
    <table className="data-table robust-table" aria-label={label}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} data-figure={row.label}>
            <th scope="row">{row.label}</th>
            <td className="number">{money(row.ranges.value)}</td>
            <td className="robust-track-cell">
              <RangeTrack ranges={row.ranges} scale={scale} money={money} />
            </td>
            <td className="muted small robust-words">{rangeWords(row.ranges, money, delta)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function rangeWords(ranges: FigureRanges, money: (value: number) => string, delta: number): string {
  const parts: string[] = [];
  const near = ranges.weightRange?.near;
  if (near) parts.push(`±${delta} pts: ${money(near.min.value)}–${money(near.max.value)}`);
  const { min, max } = ranges.modelRange;
  parts.push(`models: ${money(min.value)} (${min.model})–${money(max.value)} (${max.model})`);
  if (ranges.interval) parts.push(`95%: ${money(ranges.interval.low)}–${money(ranges.interval.high)}`);
  return parts.join(' · ');
}
