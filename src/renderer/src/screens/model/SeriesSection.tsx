import { memo, useEffect, useMemo } from 'react';
import type { ModelOptions } from '../../../../shared/modelOptions';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatMoney } from '../../format';
import { SERIES_CSV_HEADER, seriesCsvRows, stackByChannel } from '../../model/seriesChart';
import { useProjectStore } from '../../stores/project';
import { useSeriesStore, type SeriesBucketSize } from '../../stores/series';
import { ChoiceSwitch } from './ChoiceSwitch';
import { SeriesChart } from './SeriesChart';

const BUCKET_SIZES: { value: SeriesBucketSize; label: string }[] = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
];

/**
 * "Over time" (spec 9, series): the shown run's won revenue, attributed credit by channel and CAR by calendar bucket
 * of the date that puts each deal in the scope. The buckets partition the scope, so the table sums to the cards.
 */
export function SeriesSection({ options, currency }: { options: ModelOptions; currency: string }) {
  const request = useSeriesStore((state) => state.request);

  // The run's own options: the series covers the same deals, model and settings as the cards above.
  useEffect(() => {
    request(options);
  }, [options, request]);

  return <SeriesView currency={currency} />;
}

/**
 * The series as last answered. Apart from the options, so a new run (every weight move) does not redraw the chart
 * and the table: they change only when the series' own answer does, once the options have settled.
 */
const SeriesView = memo(function SeriesView({ currency }: { currency: string }) {
  const { by, buckets, shownBy, loading, error, setBy } = useSeriesStore();
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  const series = useMemo(() => stackByChannel(buckets ?? []), [buckets]);
  const money = (value: number) => formatMoney(value, currency);

  const unit = shownBy ?? by;
  function downloadCsv() {
    downloadTableCsv(`${projectName} over time by ${unit}.csv`, SERIES_CSV_HEADER, seriesCsvRows(buckets ?? []));
  }
  const total = (pick: (bucket: NonNullable<typeof buckets>[number]) => number) =>
    (buckets ?? []).reduce((sum, bucket) => sum + pick(bucket), 0);

  return (
    <section className="series" aria-labelledby="series-heading" aria-busy={loading}>
      <div className="results-header">
        <h3 id="series-heading">Over time</h3>
        <ChoiceSwitch label="Bucket" name="series-bucket" options={BUCKET_SIZES} value={by} onChange={setBy} />
        {buckets && buckets.length > 0 && (
          <button type="button" className="secondary" onClick={downloadCsv}>
            Download CSV
          </button>
        )}
      </div>
      {error && (
        <p className="inline-error" role="alert">
          The series could not be computed: {error}
        </p>
      )}
      {!buckets && !error && <p className="muted">Computing…</p>}
      {buckets && buckets.length === 0 && <p className="muted">No won deal in this scope to show over time.</p>}
      {buckets && buckets.length > 0 && (
        <div className={loading ? 'series-body stale' : 'series-body'} data-by={shownBy ?? ''}>
          <p className="muted small">
            Attributed credit by channel per {unit}
            {series.other ? `: the top ${series.channels.length - 1} channels, the rest as Other` : ''}. A deal counts
            in the {unit} it closed in.
          </p>
          <SeriesChart series={series} currency={currency} unit={unit} />
          <div className="table-scroll">
            <table className="data-table series-table" aria-label={`Figures by ${unit}`}>
              <thead>
                <tr>
                  <th scope="col">{unit === 'month' ? 'Month' : unit === 'quarter' ? 'Quarter' : 'Year'}</th>
                  <th scope="col" className="number">
                    Won revenue
                  </th>
                  <th scope="col" className="number">
                    Attributed
                  </th>
                  <th scope="col" className="number">
                    Attributed CAR
                  </th>
                  <th scope="col" className="number">
                    Influenced CAR
                  </th>
                  <th scope="col" className="number">
                    Sourced CAR
                  </th>
                </tr>
              </thead>
              <tbody>
                {buckets.map((bucket) => (
                  <tr key={bucket.bucket}>
                    <th scope="row">{bucket.bucket}</th>
                    <td className="number" data-value={bucket.revenue}>
                      {money(bucket.revenue)}
                    </td>
                    <td className="number">{money(bucket.attributed)}</td>
                    <td className="number">{money(bucket.car.attributed)}</td>
                    <td className="number">{money(bucket.car.influenced)}</td>
                    <td className="number">{money(bucket.car.sourced)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="number">{money(total((bucket) => bucket.revenue))}</td>
                  <td className="number">{money(total((bucket) => bucket.attributed))}</td>
                  <td className="number">{money(total((bucket) => bucket.car.attributed))}</td>
                  <td className="number">{money(total((bucket) => bucket.car.influenced))}</td>
                  <td className="number">{money(total((bucket) => bucket.car.sourced))}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </section>
  );
});
