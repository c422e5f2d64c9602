import { useEffect } from 'react';
import { describeScope, whereInWords } from '../../../../shared/scope';
import { carRows, channelRows } from '../../compare/deltas';
import { comparedEntries, useCompareStore } from '../../stores/compare';
import { useModelStore } from '../../stores/model';
import { useProjectStore } from '../../stores/project';
import { CarCompareTable } from './CarCompareTable';
import { ChannelBars } from './ChannelBars';
import { ChannelCompareTable } from './ChannelCompareTable';
import { ComparePicker } from './ComparePicker';
import { CompareSummary } from './CompareSummary';

/** The Compare tab: several models over the same data, each measured against one baseline. */
export function CompareView() {
  const summary = useProjectStore((state) => state.summary);
  const { entries, baselineId, results, resultIds, loading, error, refresh } = useCompareStore();
  const scope = useModelStore((state) => state.options.scope);

  // A new summary means the project's data changed (an import): the same entries give new results. Another scope
  // compares the same models over other deals.
  useEffect(() => {
    refresh(summary, scope);
  }, [entries, summary, scope, refresh]);

  if (!summary) return null;
  const currency = summary.meta.currency;
  const compared = comparedEntries({ entries, results, resultIds });
  const baselineIndex = Math.max(
    0,
    compared.findIndex(({ entry }) => entry.id === baselineId),
  );
  const shownResults = compared.map(({ result }) => result);
  const shownEntries = compared.map(({ entry }) => entry);
  const current = !loading && resultIds.length === entries.length;
  const channels = channelRows(shownResults, baselineIndex);
  // Every model of one answer ran over the same scope (the compare store sends the scope bar's to each).
  const comparedScope = shownResults[0]?.options.scope ?? null;
  const noRevenue = shownResults.length > 0 && shownResults.every((result) => result.revenue === 0);

  return (
    <div className="compare-view">
      <ComparePicker />
      <section className="compare-results" aria-label="Comparison" aria-busy={loading} data-current={current}>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        {entries.length === 0 ? (
          <div className="panel compare-empty">
            <h2>Nothing to compare yet</h2>
            <p>Save a scenario from the Model tab, or add a model.</p>
            <p className="muted small">
              Every model you add runs over the same data; the first one is the baseline the others are measured
              against.
            </p>
          </div>
        ) : compared.length === 0 ? (
          <p className="muted">Comparing…</p>
        ) : (
          <>
            {comparedScope && <p className="scope-line">Compared over: {describeScope(comparedScope)}</p>}
            {noRevenue && comparedScope ? (
              <p className="panel scope-empty">
                No won opportunity {whereInWords(comparedScope)}: the models have no revenue to split.
              </p>
            ) : (
              <>
                <div className="panel">
                  <CompareSummary compared={compared} baselineIndex={baselineIndex} currency={currency} />
                </div>
                <div className="panel">
                  <ChannelBars rows={channels} entries={shownEntries} currency={currency} />
                </div>
                <div className="panel">
                  <ChannelCompareTable
                    rows={channels}
                    entries={shownEntries}
                    baselineIndex={baselineIndex}
                    currency={currency}
                  />
                </div>
                <div className="panel">
                  <CarCompareTable
                    rows={carRows(shownResults, baselineIndex)}
                    entries={shownEntries}
                    baselineIndex={baselineIndex}
                    currency={currency}
                  />
                </div>
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}
