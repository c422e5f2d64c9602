import { useEffect, useState } from 'react';
import { OPPORTUNITY_TYPES, type OpportunityType } from '../../../../shared/importSpec';
import { describeScope, isAllTime } from '../../../../shared/scope';
import {
  TOO_SMALL_GROUP,
  VELOCITY_GROUPS,
  type VelocityGroup,
  type VelocityGroupName,
} from '../../../../shared/velocity';
import { formatCount, formatMoney } from '../../format';
import { useModelStore } from '../../stores/model';
import { useVelocityStore } from '../../stores/velocity';

const GROUP_LABELS: Record<VelocityGroupName, string> = {
  sourced: 'Community-sourced',
  influenced: 'Community-influenced',
  none: 'No community touch',
};

const TYPE_LABELS: Record<OpportunityType, string> = {
  new_business: 'New business',
  upgrade: 'Upgrade',
  renewal: 'Renewal',
};

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const days = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/**
 * How fast and how often community-led deals close (spec 12): the won and lost deals of one type in the current
 * scope, in three groups, with D and the type as controls and the caveat that it is a correlation.
 */
export function VelocityPanel({ currency }: { currency: string }) {
  const options = useModelStore((state) => state.options);
  const { type, days: d, daysProblem, result, loading, error, setType, setDays, request } = useVelocityStore();
  const [typed, setTyped] = useState(String(d));

  useEffect(() => {
    request(options);
  }, [options, request]);

  const closed = result ? VELOCITY_GROUPS.reduce((sum, name) => sum + result.groups[name].deals, 0) : 0;
  const value = (figure: number | null, show: (x: number) => string): string => (figure === null ? '—' : show(figure));
  return (
    <section className="velocity panel" aria-labelledby="velocity-heading" aria-busy={loading}>
      <div className="results-header">
        <h2 id="velocity-heading">Deal velocity by community involvement</h2>
        <label className="as-of">
          Deal type
          <select value={type} onChange={(event) => setType(event.target.value as OpportunityType)}>
            {OPPORTUNITY_TYPES.map((option) => (
              <option key={option} value={option}>
                {TYPE_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="as-of">
          Closed within (days)
          <input
            className="days-input"
            inputMode="numeric"
            value={typed}
            aria-invalid={daysProblem !== null}
            onChange={(event) => {
              setTyped(event.target.value);
              setDays(event.target.value);
            }}
          />
        </label>
      </div>
      {daysProblem && (
        <p className="inline-error" role="alert">
          {daysProblem}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          Velocity could not be computed: {error}
        </p>
      )}
      <p className="muted small">
        {TYPE_LABELS[type]} deals won or lost{' '}
        {isAllTime(options.scope) ? 'in this project' : `in the scope ${describeScope(options.scope)}`}.
      </p>
      {result && closed === 0 && (
        <p className="scope-empty">
          No won or lost {TYPE_LABELS[result.type].toLowerCase()} deal in this scope: there is nothing to compare.
        </p>
      )}
      {result && closed > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="velocity-heading">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" className="number">
                  Deals
                </th>
                <th scope="col" className="number">
                  Won
                </th>
                <th scope="col" className="number">
                  Win rate
                </th>
                <th scope="col" className="number">
                  Median days to close
                </th>
                <th scope="col" className="number">
                  Won within {result.days} days
                </th>
                <th scope="col" className="number">
                  Average won deal
                </th>
              </tr>
            </thead>
            <tbody>
              {VELOCITY_GROUPS.map((name) => {
                const group: VelocityGroup = result.groups[name];
                return (
                  <tr key={name} data-group={name}>
                    <th scope="row">
                      {GROUP_LABELS[name]}
                      {group.tooSmall && (
                        <span className="flag" title={`Fewer than ${TOO_SMALL_GROUP} deals: too small to read`}>
                          {' '}
                          (too few deals to read)
                        </span>
                      )}
                    </th>
                    <td className="number">{formatCount(group.deals)}</td>
                    <td className="number">{formatCount(group.won)}</td>
                    <td className="number">{value(group.winRate, (x) => percent.format(x))}</td>
                    <td className="number">{value(group.medianDays, (x) => days.format(x))}</td>
                    <td className="number">{value(group.closedWithin, (x) => percent.format(x))}</td>
                    <td className="number">{value(group.averageWonAmount, (x) => formatMoney(x, currency))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        Community-led deals may differ from the others in other ways (size, segment, timing): this is a correlation, not
        an effect.
      </p>
    </section>
  );
}
