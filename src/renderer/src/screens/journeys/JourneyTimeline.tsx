import { useState } from 'react';
import type { JourneyDetail } from '../../../../shared/journeyApi';
import { formatCount, formatUtcTimestamp } from '../../format';
import { MODEL_LABELS } from '../../../../shared/modelLabels';
import { personLabel } from '../../journeys/people';
import { TouchTimeline } from './TouchTimeline';

function money(value: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2 }).format(value);
}

/**
 * Rows of the credit table drawn at first, and added per click: a journey of thousands of touches would otherwise
 * lay out a table of tens of thousands of cells on every change of the page (a hover on the timeline, which shows
 * every touch at once, took a second a move at 5,000).
 */
export const TOUCH_ROWS_PAGE = 200;

const POLICY_LABELS: Record<JourneyDetail['policy'], string> = {
  'restart-at-opportunity': 'restart at the opportunity',
  'account-lifetime': 'account lifetime',
};

/** One deal's journey: each touch with its positions, its credit and the rule that gave it. */
export function JourneyTimeline({ detail, currency }: { detail: JourneyDetail; currency: string }) {
  const caption = `Journey of ${detail.opportunityId}`;
  const [rows, setRows] = useState(TOUCH_ROWS_PAGE);
  const shown = detail.touches.slice(0, rows);
  const more = Math.min(TOUCH_ROWS_PAGE, detail.touches.length - shown.length);
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2 });
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
              {shown.map((touch) => (
                <tr key={`${touch.kind}:${touch.id}`}>
                  <td>{formatUtcTimestamp(touch.occurredAt)}</td>
                  <td title={touch.id}>{touch.kind}</td>
                  <td title={touch.person?.id}>{personLabel(touch.person)}</td>
                  <td className="channel">{touch.channel}</td>
                  <td>{touch.positions.join(', ')}</td>
                  <td className="number">{format.format(touch.credit)}</td>
                  <td className="rule">{touch.rule}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more > 0 && (
        <p className="pager">
          <span className="small">
            {formatCount(shown.length)} of {formatCount(detail.touches.length)} touches shown
          </span>
          <button type="button" className="secondary" onClick={() => setRows(rows + TOUCH_ROWS_PAGE)}>
            Show {formatCount(more)} more touches
          </button>
        </p>
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
