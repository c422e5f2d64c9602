import { useMemo } from 'react';
import { emptyScopeMessage, scopeLine } from '../../scope/scopeWords';
import { useModelResultsStore, resultsAreCurrent } from '../../stores/modelResults';
import { CarByCategory } from './CarByCategory';
import { CarCards } from './CarCards';
import { CreditBreakdown } from './CreditBreakdown';
import { FlowsChart } from './FlowsChart';
import { ModelExports } from './ModelExports';
import { RoadmapAtStake } from './RoadmapAtStake';

/**
 * What the current options give: the scope they cover, the CAR cards, the flows chart, CAR by category, credit by
 * breakdown, the exports of the shown run and the roadmap revenue at stake; or, when the scope holds no won deal,
 * why not, instead of zeros and an empty chart.
 */
export function ModelResults({ currency }: { currency: string }) {
  const { run, updating, error, shownSeq, latestSeq } = useModelResultsStore();
  const current = resultsAreCurrent({ run, shownSeq, latestSeq });
  // Rendered again only for a new answer: while a slider moves, only the status changes, so the chart and the
  // tables are not redrawn for every request made (at 1M touches that redraw costs more than the model).
  const body = useMemo(() => {
    if (!run) return null;
    const empty = emptyScopeMessage(run.scope);
    return (
      <>
        <p className="scope-line">{scopeLine(run.scope)}</p>
        {empty ? (
          <div className="panel scope-empty">
            <p>{empty}</p>
            {!run.scope.allTime && <p className="muted small">Widen the scope above, or clear it.</p>}
          </div>
        ) : (
          <>
            <CarCards run={run} currency={currency} />
            <FlowsChart flows={run.flows} focus={run.focus} currency={currency} />
            <CarByCategory car={run.car} currency={currency} />
            <CreditBreakdown breakdowns={run.attribution.breakdowns} currency={currency} />
            <ModelExports options={run.attribution.options} />
            <RoadmapAtStake
              roadmap={run.car.byCategory.roadmap}
              options={run.attribution.options}
              currency={currency}
            />
          </>
        )}
      </>
    );
  }, [run, currency]);

  return (
    <section className="model-results" aria-labelledby="model-results-heading" aria-busy={updating}>
      <div className="results-header">
        <h2 id="model-results-heading">Results</h2>
        <span className="results-status" role="status">
          {updating ? 'Updating…' : run && !current ? 'Out of date' : ''}
        </span>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          The model could not run: {error}
          {run && ' The results below are for earlier settings.'}
        </p>
      )}
      {!run && !error && <p className="muted">Computing…</p>}
      {run && (
        <div className={current ? 'results-body' : 'results-body stale'} data-current={current}>
          {body}
        </div>
      )}
    </section>
  );
}
