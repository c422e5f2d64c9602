import { Fragment, memo } from 'react';
import type { RoadmapView } from '../../../../shared/modelApi';
import { call } from '../../api/client';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatCount, formatMoney } from '../../format';
import { useModelResultsStore } from '../../stores/modelResults';
import { useProjectStore } from '../../stores/project';
import { useMemberNames } from '../../stores/memberNames';
import { TableHeading } from '../TableHeading';

/**
 * The roadmap-influenced opportunities behind the Roadmap row of CAR by category (spec 7, roadmap). Drawn again only
 * when the roadmap's figures change: weights do not change them, so a weight move leaves this table alone.
 */
export const RoadmapAtStake = memo(function RoadmapAtStake({
  roadmap,
  currency,
}: {
  roadmap: RoadmapView;
  currency: string;
}) {
  const money = (value: number) => formatMoney(value, currency);
  const { opportunities, opportunityCount } = roadmap;
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  const reportError = useProjectStore((state) => state.reportError);

  async function downloadCsv() {
    // The options the shown results are for: the CSV lists every opportunity of that run, not only those shown.
    const options = useModelResultsStore.getState().run?.attribution.options;
    if (!options) return;
    try {
      const whole = (await call('model:car', { options })).byCategory.roadmap.opportunities;
      downloadTableCsv(
        `${projectName} roadmap at stake.csv`,
        ['opportunity_id', 'amount', 'features', 'requested_by'],
        whole.map((o) => [o.opportunityId, o.amount, o.features.join('|'), o.members.join('|')]),
      );
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <section aria-labelledby="roadmap-heading" className="roadmap-at-stake">
      <TableHeading
        id="roadmap-heading"
        title="Roadmap revenue at stake"
        onDownload={opportunities.length > 0 ? () => void downloadCsv() : undefined}
      />
      {opportunities.length === 0 ? (
        <p className="muted">
          No opportunity was influenced by a shipped feature that community members requested before it shipped.
        </p>
      ) : (
        <>
          <p className="roadmap-totals">
            Influenced <strong>{money(roadmap.influenced)}</strong> over {formatCount(opportunityCount)}{' '}
            {opportunityCount === 1 ? 'opportunity' : 'opportunities'} and {formatCount(roadmap.memberCount)} requesting{' '}
            {roadmap.memberCount === 1 ? 'member' : 'members'}; attributed <strong>{money(roadmap.attributed)}</strong>{' '}
            (roadmap share × influenced).
            {opportunityCount > opportunities.length && ` The ${formatCount(opportunities.length)} largest are listed.`}
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
                    <td className="wrap">
                      <MemberList ids={opportunity.members} />
                      {opportunity.otherMembers > 0 && ` and ${formatCount(opportunity.otherMembers)} more`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
});

/** Members by name where the project has one, the id on hover; by id otherwise. */
function MemberList({ ids }: { ids: string[] }) {
  const names = useMemberNames(ids);
  return ids.map((id, index) => (
    <Fragment key={id}>
      {index > 0 && ', '}
      <span className={names.has(id) ? undefined : 'id'} title={names.has(id) ? id : undefined}>
        {names.get(id) ?? id}
      </span>
    </Fragment>
  ));
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
