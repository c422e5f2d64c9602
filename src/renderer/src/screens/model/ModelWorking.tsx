import { useState } from 'react';
import type { ModelOptions } from '../../../../shared/modelOptions';
import type { MarkovWorking, ModelWorking as Working, ShapleyWorking } from '../../../../shared/workingApi';
import { call, errorMessage } from '../../api/client';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatCount } from '../../format';
import { useProjectStore } from '../../stores/project';
import { TableHeading } from '../TableHeading';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/**
 * How a data-driven model reached its weights (spec 6), asked for when the user opens it: Markov's observed
 * transitions between the top states as a heat map with the conversion odds without each channel, or the Shapley
 * game's observed channel sets. Each is downloadable as CSV.
 */
export function ModelWorking({ options }: { options: ModelOptions }) {
  const [shown, setShown] = useState<{ options: ModelOptions; working: Working | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = shown?.options === options;

  async function load() {
    setBusy(true);
    setError(null);
    try {
      setShown({ options, working: await call('model:working', { options }) });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="model-working" aria-labelledby="model-working-heading" aria-busy={busy}>
      <div className="results-header">
        <h3 id="model-working-heading">
          How the {options.model === 'markov' ? 'Markov chain' : 'Shapley value'} model works
        </h3>
        <button type="button" className="secondary" onClick={() => void load()} disabled={busy}>
          {shown && !current ? 'Show for these settings' : shown ? 'Refresh' : 'Show the working'}
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {shown && !current && <p className="muted small">Shown for earlier settings.</p>}
      {shown?.working?.kind === 'markov' && <MarkovView working={shown.working} />}
      {shown?.working?.kind === 'shapley' && <ShapleyView working={shown.working} />}
    </section>
  );
}

function MarkovView({ working }: { working: MarkovWorking }) {
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  const downloadTransitions = () =>
    downloadTableCsv(
      `${projectName} markov transitions.csv`,
      ['from', 'to', 'count', 'probability'],
      working.rows.flatMap((row, r) =>
        working.columns.map((column, c) => [
          row,
          column,
          working.counts[r]?.[c] ?? 0,
          working.probabilities[r]?.[c] ?? 0,
        ]),
      ),
    );
  const downloadRemovals = () =>
    downloadTableCsv(
      `${projectName} markov removal effects.csv`,
      ['channel', 'conversion_probability_without', 'removal_effect'],
      working.removals.map((row) => [row.channel, row.conversionProbability, row.removalEffect]),
    );
  return (
    <>
      <TableHeading
        id="markov-transitions-heading"
        title="Observed transitions (order 1)"
        onDownload={downloadTransitions}
      />
      <p className="muted small">
        Each row is where a journey is; each cell, the share of its next steps going to the column (count in the
        tooltip).{' '}
        {working.otherChannels > 0 &&
          `${formatCount(working.otherChannels)} less visited channels are summed in "other".`}
      </p>
      <div className="table-scroll">
        <table className="data-table heat-map" aria-labelledby="markov-transitions-heading">
          <thead>
            <tr>
              <th scope="col">From \ to</th>
              {working.columns.map((column) => (
                <th scope="col" key={column} className="number">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {working.rows.map((row, r) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {working.columns.map((column, c) => {
                  const probability = working.probabilities[r]?.[c] ?? 0;
                  const count = working.counts[r]?.[c] ?? 0;
                  return (
                    <td
                      key={column}
                      className="number"
                      title={`${row} → ${column}: ${formatCount(count)} transitions`}
                      data-count={count}
                      style={{
                        backgroundColor: `color-mix(in srgb, var(--accent) ${Math.round(probability * 70)}%, transparent)`,
                      }}
                    >
                      {count > 0 ? percent.format(probability) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TableHeading
        id="markov-removals-heading"
        title="Conversion without each channel"
        onDownload={downloadRemovals}
      />
      <p className="muted small">
        P(conversion) from the start: {percent.format(working.conversionProbability)}. Removing a channel sends every
        step into it to null; the removal effect is the share of conversions lost.
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="markov-removals-heading">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col" className="number">
                P(conversion) without it
              </th>
              <th scope="col" className="number">
                Removal effect
              </th>
            </tr>
          </thead>
          <tbody>
            {working.removals.map((row) => (
              <tr key={row.channel}>
                <th scope="row">{row.channel}</th>
                <td className="number">{percent.format(row.conversionProbability)}</td>
                <td className="number">{percent.format(row.removalEffect)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ShapleyView({ working }: { working: ShapleyWorking }) {
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  const download = () =>
    downloadTableCsv(
      `${projectName} shapley channel sets.csv`,
      ['channels', 'journeys', 'won', 'conversion_rate'],
      working.sets.map((set) => [set.channels.join(' + '), set.journeys, set.won, set.conversionRate]),
    );
  return (
    <>
      <TableHeading id="shapley-sets-heading" title="Observed channel sets" onDownload={download} />
      <p className="muted small">
        Each set's conversion rate is shared equally by its channels; a channel's value is the sum of its shares.{' '}
        {working.setCount > working.sets.length &&
          `The ${formatCount(working.sets.length)} sets with the most journeys of ${formatCount(working.setCount)}.`}
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="shapley-sets-heading">
          <thead>
            <tr>
              <th scope="col">Channels</th>
              <th scope="col" className="number">
                Journeys
              </th>
              <th scope="col" className="number">
                Won
              </th>
              <th scope="col" className="number">
                Conversion rate
              </th>
            </tr>
          </thead>
          <tbody>
            {working.sets.map((set) => (
              <tr key={set.channels.join('\u0000')}>
                <th scope="row">{set.channels.join(' + ')}</th>
                <td className="number">{formatCount(set.journeys)}</td>
                <td className="number">{formatCount(set.won)}</td>
                <td className="number">{percent.format(set.conversionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
