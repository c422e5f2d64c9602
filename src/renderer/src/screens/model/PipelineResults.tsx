import { useEffect } from 'react';
import type { ModelOptions } from '../../../../shared/modelOptions';
import type { PipelineView } from '../../../../shared/reportApi';
import { formatCount, formatMoney } from '../../format';
import { usePipelineStore } from '../../stores/pipeline';
import { breakdownFieldOf, useModelStore } from '../../stores/model';
import { CreditBreakdown } from './CreditBreakdown';
import { FlowsChart } from './FlowsChart';

/**
 * Pipeline (spec 11): the scope's open deals, credited as if their journeys ended at the as-of date. Always named
 * pipeline and shown apart from revenue, never added to it.
 */
export function PipelineResults({ options, currency }: { options: ModelOptions; currency: string }) {
  const { asOf, view, loading, error, setAsOf, request } = usePipelineStore();
  const flows = useModelStore((state) => state.flows);
  const focus = useModelStore((state) => state.focus);
  const breakdownField = useModelStore(breakdownFieldOf);

  useEffect(() => {
    request({ options, flows, focus, breakdownField });
  }, [options, flows, focus, breakdownField, request]);

  const shownDate = view?.asOf.slice(0, 10) ?? '';
  return (
    <section className="pipeline" aria-labelledby="pipeline-heading" aria-busy={loading}>
      <div className="results-header">
        <h3 id="pipeline-heading">Pipeline</h3>
        <label className="as-of">
          As of
          <input
            type="date"
            value={asOf ?? shownDate}
            onChange={(event) => setAsOf(event.target.value === '' ? null : event.target.value)}
          />
        </label>
        {asOf && (
          <button type="button" className="secondary" onClick={() => setAsOf(null)}>
            Latest date
          </button>
        )}
      </div>
      <p className="muted small">
        Open deals in the scope, credited as if their journeys ended{' '}
        {shownDate ? `on ${shownDate}` : 'at the as-of date'}. Pipeline is never added to revenue. CAR by category and
        the series show won revenue: switch to Revenue to see them.
      </p>
      {error && (
        <p className="inline-error" role="alert">
          The pipeline could not be computed: {error}
        </p>
      )}
      {!view && !error && <p className="muted">Computing…</p>}
      {view && (
        <div className={loading ? 'pipeline-body stale' : 'pipeline-body'} data-as-of={shownDate}>
          {view.openDeals === 0 ? (
            <div className="panel scope-empty">
              <p>No open deal in this scope as of {shownDate}.</p>
            </div>
          ) : (
            <>
              <PipelineCards view={view} currency={currency} />
              <FlowsChart flows={view.flows} focus={view.focus} currency={currency} figures="pipeline" />
              <CreditBreakdown breakdowns={view.breakdowns} currency={currency} figures="pipeline" />
            </>
          )}
        </div>
      )}
    </section>
  );
}

function PipelineCards({ view, currency }: { view: PipelineView; currency: string }) {
  const money = (value: number) => formatMoney(value, currency);
  const deals = `${formatCount(view.openDeals)} open ${view.openDeals === 1 ? 'deal' : 'deals'}`;
  return (
    <div className="cards model-cards">
      <Card
        label="Open pipeline"
        value={money(view.amount)}
        hint={`${deals}, ${formatCount(view.unvaluedDeals)} not yet valued`}
      />
      <Card label="Attributed pipeline" value={money(view.attributed)} hint="Model credit on the open deals' touches" />
      <Card
        label="Community-attributed pipeline"
        value={money(view.car.attributed)}
        hint="Model credit on community touches"
      />
      <Card label="Influenced pipeline" value={money(view.car.influenced)} hint="Open deals with a community touch" />
      <Card label="Sourced pipeline" value={money(view.car.sourced)} hint="Open deals the community sourced" />
      <Card label="Unattributed pipeline" value={money(view.unattributed)} hint="Open deals without a touch" />
    </div>
  );
}

function Card({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="card" role="group" aria-label={label}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
      <div className="card-hint">{hint}</div>
    </div>
  );
}
