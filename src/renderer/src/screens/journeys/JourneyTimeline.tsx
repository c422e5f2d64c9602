import type { JourneyDetail } from '../../../../shared/journeyApi';
import { formatUtcTimestamp } from '../../format';
import { MODEL_LABELS } from '../../../../shared/modelLabels';
import { personLabel } from '../../journeys/people';
import { TouchTimeline } from './TouchTimeline';

function money(value: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2 }).format(value);
}

const POLICY_LABELS: Record<JourneyDetail['policy'], string> = {
  'restart-at-opportunity': 'restart at the opportunity',
  'account-lifetime': 'account lifetime',
};

/** One deal's journey: each touch with its positions, its credit and the rule that gave it. */
export function JourneyTimeline({ detail, currency }: { detail: JourneyDetail; currency: string }) {
  const caption = `Journey of ${detail.opportunityId}`;
  return (
    <section className="panel journey-timeline" aria-labelledby="journey-heading">
      <h2 id="journey-heading">
        {detail.opportunityId} {detail.name ? `· ${detail.name}` : ''}
      </h2>
      <p className="muted">
        Account <span title={detail.accountId}>{detail.accountName ?? detail.accountId}</span> ·{' '}
        {detail.type.replace('_', ' ')} · {detail.stage} · {money(detail.amount, currency)} ·{' '}
        {MODEL_LABELS[detail.model]} model
        {detail.type !== 'new_business' && <> · upgrade policy: {POLICY_LABELS[detail.policy]}</>}
        {detail.restarted && <> (a mini-journey from the opportunity stage: no FT or LC)</>}
      </p>
      {detail.note && <p className="notes">{detail.note}</p>}
      {detail.hasJourney && <TouchTimeline detail={detail} />}
      {detail.touches.length > 0 && (
        <div className="table-scroll">
          <table className="data-table journey-table" aria-label={caption}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">Who</th>
                <th scope="col">Channel</th>
                <th scope="col">Positions</th>
                <th scope="col" className="number">
                  Credit
                </th>
                <th scope="col">Rule</th>
              </tr>
            </thead>
            <tbody>
              {detail.touches.map((touch) => (
                <tr key={`${touch.kind}:${touch.id}`}>
                  <td>{formatUtcTimestamp(touch.occurredAt)}</td>
                  <td title={touch.id}>{touch.kind}</td>
                  <td title={touch.person?.id}>{personLabel(touch.person)}</td>
                  <td className="channel">{touch.channel}</td>
                  <td>{touch.positions.join(', ')}</td>
                  <td className="number">{money(touch.credit, currency)}</td>
                  <td className="rule">{touch.rule}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {detail.stage === 'won' && (
        <p className="journey-total">
          Credits sum to {money(detail.total, currency)} of {money(detail.amount, currency)}
          {detail.unattributed && ' (unattributed)'}
        </p>
      )}
    </section>
  );
}
