import { Fragment } from 'react';
import type { RoadmapCar } from '../../../../shared/results';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatCount, formatMoney } from '../../format';
import { useProjectStore } from '../../stores/project';

/** The roadmap-influenced opportunities behind the Roadmap row of CAR by category (spec 7, roadmap). */
export function RoadmapAtStake({ roadmap, currency }: { roadmap: RoadmapCar; currency: string }) {
  const money = (value: number) => formatMoney(value, currency);
  const { opportunities } = roadmap;
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');

  function downloadCsv() {
    downloadTableCsv(
      `${projectName} roadmap at stake.csv`,
      ['opportunity_id', 'amount', 'features', 'requested_by'],
      opportunities.map((o) => [o.opportunityId, o.amount, o.features.join('|'), o.members.join('|')]),
    );
  }

  return (
    <section aria-labelledby="roadmap-heading" className="roadmap-at-stake">
      <div className="results-header">
        <h3 id="roadmap-heading">Roadmap revenue at stake</h3>
        {opportunities.length > 0 && (
          <button type="button" className="secondary" onClick={downloadCsv}>
            Download CSV
          </button>
        )}
      </div>
      {opportunities.length === 0 ? (
        <p className="muted">
          No opportunity was influenced by a shipped feature that community members requested before it shipped.
        </p>
      ) : (
        <>
          <p className="roadmap-totals">
            Influenced <strong>{money(roadmap.influenced)}</strong> over {formatCount(opportunities.length)}{' '}
            {opportunities.length === 1 ? 'opportunity' : 'opportunities'}; attributed{' '}
            <strong>{money(roadmap.attributed)}</strong> (roadmap share × influenced).
          </p>
          <div className="table-scroll roadmap-scroll">
            <table className="data-table roadmap-table" aria-labelledby="roadmap-heading">
              <thead>
                <tr>
                  <th scope="col">Opportunity</th>
                  <th scope="col" className="number">
                    Amount
                  </th>
                  <th scope="col">Features</th>
                  <th scope="col">Requested by</th>
                </tr>
              </thead>
              <tbody>
                {opportunities.map((opportunity) => (
                  <tr key={opportunity.opportunityId}>
                    <th scope="row">{opportunity.opportunityId}</th>
                    <td className="number">{money(opportunity.amount)}</td>
                    <td className="wrap">{idList(opportunity.features)}</td>
                    <td className="wrap">{idList(opportunity.members)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Ids wrap between entries, never at the hyphen inside one (MEM-000835). */
function idList(ids: string[]) {
  return ids.map((id, index) => (
    <Fragment key={id}>
      {index > 0 && ', '}
      <span className="id">{id}</span>
    </Fragment>
  ));
}
