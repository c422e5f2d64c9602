import { useMemo } from 'react';
import { emptyScopeMessage, scopeLine } from '../../scope/scopeWords';
import { useModelResultsStore, resultsAreCurrent } from '../../stores/modelResults';
import { usePipelineStore, type ModelFigures } from '../../stores/pipeline';
import { CarByCategory } from './CarByCategory';
import { CarCards } from './CarCards';
import { ChoiceSwitch } from './ChoiceSwitch';
import { CreditBreakdown } from './CreditBreakdown';
import { FlowsChart } from './FlowsChart';
import { ModelExports } from './ModelExports';
import { ModelWorking } from './ModelWorking';
import { PipelineResults } from './PipelineResults';
import { RoadmapAtStake } from './RoadmapAtStake';
import { RobustnessSection } from './RobustnessSection';
import { SeriesSection } from './SeriesSection';

const FIGURES: { value: ModelFigures; label: string }[] = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'pipeline', label: 'Pipeline' },
];

/**
 * What the current options give: the scope they cover, the CAR cards, the flows chart, CAR by category, credit by
 * breakdown, the exports of the shown run and the roadmap revenue at stake; or, when the scope holds no won deal,
 * why not, instead of zeros and an empty chart. The Figures switch shows the open deals' pipeline instead (spec 11),
 * apart from revenue: the flows chart and the revenue tables are hidden then, so no pipeline figure sits beside a
 * revenue one as if they added up.
 */
export function ModelResults({ currency }: { currency: string }) {
  const { run, updating, error, shownSeq, latestSeq } = useModelResultsStore();
  const current = resultsAreCurrent({ run, shownSeq, latestSeq });
  const figures = usePipelineStore((state) => state.figures);
  const setFigures = usePipelineStore((state) => state.setFigures);
  // Rendered again only for a new answer: while a slider moves, only the status changes, so the chart and the
  // tables are not redrawn for every request made (at 1M touches that redraw costs more than the model). Each panel
  // is memoised on its own slice of the run, and the store keeps a slice's object when a new run leaves it equal,
  // so a weight move redraws the cards, the chart and the credit tables, not the series or the roadmap.
  const body = useMemo(() => {
    if (!run) return null;
    const empty = emptyScopeMessage(run.scope);
    return (
      <>
        <p className="scope-line">{scopeLine(run.scope)}</p>
        {figures === 'pipeline' ? (
          <PipelineResults options={run.attribution.options} currency={currency} />
        ) : empty ? (
          <div className="panel scope-empty">
            <p>{empty}</p>
            {!run.scope.allTime && <p className="muted small">Widen the scope above, or clear it.</p>}
          </div>
        ) : (
          <>
            <CarCards run={run} currency={currency} />
            <FlowsChart flows={run.flows} focus={run.focus} currency={currency} />
            <CarByCategory car={run.car} currency={currency} />
            <RobustnessSection options={run.attribution.options} currency={currency} />
            <SeriesSection options={run.attribution.options} currency={currency} />
            <CreditBreakdown breakdowns={run.attribution.breakdowns} currency={currency} />
            {(run.attribution.model === 'markov' || run.attribution.model === 'shapley') && (
              <ModelWorking key={run.attribution.model} options={run.attribution.options} />
            )}
            <ModelExports options={run.attribution.options} />
            <RoadmapAtStake roadmap={run.car.byCategory.roadmap} currency={currency} />
          </>
        )}
      </>
    );
  }, [run, currency, figures]);

  return (
    <section className="model-results" aria-labelledby="model-results-heading" aria-busy={updating}>
      <div className="results-header">
        <h2 id="model-results-heading">Results</h2>
        <ChoiceSwitch label="Figures" name="model-figures" options={FIGURES} value={figures} onChange={setFigures} />
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
