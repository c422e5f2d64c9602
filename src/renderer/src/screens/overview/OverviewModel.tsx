import { useEffect } from 'react';
import { MODEL_LABELS } from '../../../../shared/modelLabels';
import { formatMoney } from '../../format';
import { emptyScopeMessage, scopeLine } from '../../scope/scopeWords';
import { breakdownFieldOf, useModelStore } from '../../stores/model';
import { useModelResultsStore } from '../../stores/modelResults';
import { CarCards } from '../model/CarCards';
import { OverviewSankey } from './OverviewSankey';

/** Channels the Overview names before pointing to the Model tab for the rest. */
const TOP_CHANNELS = 5;

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/**
 * The answer on the first screen (issue 17): what the community and the top channels drove under the current model,
 * options and scope, from the same run the Model tab shows (one request, shared), with the way to the Model tab.
 */
export function OverviewModel({ currency, onOpenModel }: { currency: string; onOpenModel: () => void }) {
  const options = useModelStore((state) => state.options);
  const flows = useModelStore((state) => state.flows);
  const focus = useModelStore((state) => state.focus);
  const breakdownField = useModelStore(breakdownFieldOf);
  const request = useModelResultsStore((state) => state.request);
  const run = useModelResultsStore((state) => state.run);
  const error = useModelResultsStore((state) => state.error);

  // The same query as the Model tab's, so opening it shows this run at once.
  useEffect(() => {
    request({ options, flows, focus, breakdownField });
  }, [options, flows, focus, breakdownField, request]);

  const empty = run ? emptyScopeMessage(run.scope) : null;
  const channels = run ? run.attribution.byChannel.filter((row) => row.credit > 0).slice(0, TOP_CHANNELS) : [];
  const attributed = run?.attribution.attributed ?? 0;
  return (
    <section className="overview-model panel" aria-labelledby="overview-model-heading">
      <div className="results-header">
        <h2 id="overview-model-heading">What the community and each channel drove</h2>
        <button type="button" className="secondary" onClick={onOpenModel}>
          Open the Model tab
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          The model could not run: {error}
        </p>
      )}
      {!run && !error && <p className="muted">Computing…</p>}
      {run && (
        <>
          <p className="muted small">
            {MODEL_LABELS[run.attribution.options.model]} · {scopeLine(run.scope)}
          </p>
          {empty ? (
            <p className="scope-empty">{empty}</p>
          ) : (
            <>
              <CarCards run={run} currency={currency} />
              <div className="overview-answer">
                <table className="data-table top-channels" aria-label="Top channels">
                  <thead>
                    <tr>
                      <th scope="col">Top channels</th>
                      <th scope="col" className="number">
                        Credit
                      </th>
                      <th scope="col" className="number">
                        Share of attributed
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {channels.map((row) => (
                      <tr key={row.channel}>
                        <th scope="row">{row.channel}</th>
                        <td className="number">{formatMoney(row.credit, currency)}</td>
                        <td className="number">{percent.format(attributed > 0 ? row.credit / attributed : 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <OverviewSankey flows={run.flows} touches={flows} currency={currency} onOpenModel={onOpenModel} />
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
