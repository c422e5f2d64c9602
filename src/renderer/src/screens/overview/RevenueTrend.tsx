import { useEffect, useState } from 'react';
import type { SeriesBucketView } from '../../../../shared/reportApi';
import { call, errorMessage } from '../../api/client';
import { formatMoney } from '../../format';
import { useModelStore } from '../../stores/model';

const WIDTH = 640;
const HEIGHT = 160;
const GAP = 6;

/**
 * Revenue over time on the Overview (issue 17): attributed credit by quarter, split into the community's part
 * (attributed CAR) and marketing's, under the current model and scope. The Model tab's "Over time" has the detail.
 */
export function RevenueTrend({ currency }: { currency: string }) {
  const options = useModelStore((state) => state.options);
  const [buckets, setBuckets] = useState<SeriesBucketView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    call('model:series', { options, by: 'quarter' }).then(
      (answer) => current && (setBuckets(answer), setError(null)),
      (caught: unknown) => current && setError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [options]);

  const top = Math.max(1, ...(buckets ?? []).map((bucket) => bucket.attributed));
  const width = buckets && buckets.length > 0 ? (WIDTH - GAP * (buckets.length - 1)) / buckets.length : 0;
  return (
    <section className="revenue-trend panel" aria-labelledby="revenue-trend-heading">
      <h2 id="revenue-trend-heading">Attributed revenue by quarter</h2>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {!buckets && !error && <p className="muted">Computing…</p>}
      {buckets && buckets.length === 0 && <p className="muted">No won deal in this scope.</p>}
      {buckets && buckets.length > 0 && (
        <>
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT + 18}`}
            role="img"
            aria-label="Attributed revenue by quarter, community and marketing"
            className="trend-chart"
          >
            {buckets.map((bucket, i) => {
              const x = i * (width + GAP);
              const community = (bucket.car.attributed / top) * HEIGHT;
              const marketing = ((bucket.attributed - bucket.car.attributed) / top) * HEIGHT;
              const title = `${bucket.bucket}: ${formatMoney(bucket.car.attributed, currency)} community, ${formatMoney(bucket.attributed - bucket.car.attributed, currency)} marketing`;
              return (
                <g key={bucket.bucket} data-bucket={bucket.bucket}>
                  <title>{title}</title>
                  <rect
                    className="marketing"
                    x={x}
                    y={HEIGHT - community - marketing}
                    width={width}
                    height={marketing}
                  />
                  <rect className="community" x={x} y={HEIGHT - community} width={width} height={community} />
                  <text x={x + width / 2} y={HEIGHT + 14} textAnchor="middle">
                    {bucket.bucket}
                  </text>
                </g>
              );
            })}
          </svg>
          <p className="muted small">
            <span className="swatch community" /> Community (attributed CAR) <span className="swatch marketing" />{' '}
            Marketing. Hover a bar for its amounts; the Model tab's "Over time" has them by channel.
          </p>
        </>
      )}
    </section>
  );
}
