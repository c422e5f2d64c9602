import { useEffect, useState } from 'react';
import type { DateRange, ProjectSummary } from '../../../shared/api';
import { DATA_KINDS } from '../../../shared/kinds';
import { call } from '../api/client';
import { formatCount, formatDate, formatMoney } from '../format';
import { KIND_LABELS } from '../kindLabels';
import { useProjectStore } from '../stores/project';
import { DataHealth } from './overview/DataHealth';
import { OverviewModel } from './overview/OverviewModel';
import { RevenueTrend } from './overview/RevenueTrend';
import { VelocityPanel } from './overview/VelocityPanel';

/**
 * The project at a glance: revenue cards, what the community and the top channels drove under the current model,
 * deal velocity by community involvement, and how many rows of each kind it holds.
 */
export function Overview({ onOpen }: { onOpen: (view: 'model' | 'data' | 'import') => void }) {
  const summary = useProjectStore((state) => state.summary);
  const dateRange = useDateRange(summary);
  if (!summary) return null;
  const empty = DATA_KINDS.every((kind) => summary.counts[kind] === 0);

  return (
    <>
      {empty && (
        <p className="empty">
          This project has no data yet. Import CRM and community CSVs to start attributing revenue.
        </p>
      )}

      <section aria-labelledby="revenue-heading" className="cards">
        <h2 id="revenue-heading" className="visually-hidden">
          Revenue
        </h2>
        <Card label="Won revenue, all time" value={formatMoney(summary.wonRevenue, summary.meta.currency)} />
        <Card label="Won opportunities" value={formatCount(summary.wonOpportunities)} />
        <Card label="Date range" value={dateRange === undefined ? '…' : dateRangeText(dateRange)} />
      </section>

      {!empty && <OverviewModel currency={summary.meta.currency} onOpenModel={() => onOpen('model')} />}
      {!empty && <RevenueTrend currency={summary.meta.currency} />}
      {!empty && <VelocityPanel currency={summary.meta.currency} />}
      {!empty && <DataHealth currency={summary.meta.currency} onOpen={onOpen} />}

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">Data</h2>
        <table className="counts">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {DATA_KINDS.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{KIND_LABELS[kind]}</th>
                <td>{formatCount(summary.counts[kind])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function dateRangeText(range: DateRange): string {
  return range ? `${formatDate(range.first)} – ${formatDate(range.last)}` : '—';
}

/**
 * The span of the project's dates, asked apart from the summary (a scan of four columns: 1-2 s at ten million touches,
 * in a thread of its own); undefined until it comes. A new summary means the data changed: it is asked again.
 */
function useDateRange(summary: ProjectSummary | null): DateRange | undefined {
  const [range, setRange] = useState<{ of: ProjectSummary; range: DateRange } | null>(null);
  useEffect(() => {
    if (!summary) return;
    let current = true;
    call('data:dateRange', {}).then(
      (found) => current && setRange({ of: summary, range: found }),
      // Without it the card says nothing: the rest of the Overview does not depend on it.
      () => current && setRange({ of: summary, range: null }),
    );
    return () => {
      current = false;
    };
  }, [summary]);
  return range?.of === summary ? range.range : undefined;
}

function Card({ label, value }: { label: string; value: string }) {
  return (
    <div className="card" role="group" aria-label={label}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
    </div>
  );
}
