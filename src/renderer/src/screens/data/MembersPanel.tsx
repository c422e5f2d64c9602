import { formatCount } from '../../format';
import { UNRESOLVED_PAGE, useDataStore } from '../../stores/data';

const METHOD_LABELS: Record<string, string> = {
  email: 'by email',
  company_domain: 'by company domain',
  email_domain: "by email's domain",
};

/** Community members resolved to a contact or account, and the ones that were not, with why (data.md). */
export function MembersPanel() {
  const overview = useDataStore((state) => state.overview);
  const unresolved = useDataStore((state) => state.unresolved);
  const loadUnresolved = useDataStore((state) => state.loadUnresolved);
  const members = overview?.members;
  const shownTo = unresolved ? unresolved.offset + unresolved.rows.length : 0;
  const resolvedBy = Object.entries(members?.byMethod ?? {}).filter(([method]) => method !== 'unresolved');

  return (
    <section className="panel members" aria-labelledby="members-heading">
      <h2 id="members-heading">Community members</h2>
      {members && (
        <p>
          {formatCount(members.total - members.unresolved)} resolved, {formatCount(members.unresolved)} unresolved
        </p>
      )}
      {resolvedBy.length > 0 && (
        <ul className="muted plain-list" aria-label="Resolved by">
          {resolvedBy.map(([method, count]) => (
            <li key={method}>
              {formatCount(count)} {METHOD_LABELS[method] ?? method.replace(/_/g, ' ')}
            </li>
          ))}
        </ul>
      )}
      {unresolved && unresolved.total > 0 && (
        <>
          <h3>Unresolved members</h3>
          <ul className="unresolved-list" aria-label="Unresolved members">
            {unresolved.rows.map((member) => (
              <li key={member.memberId}>
                <strong title={member.memberId}>{member.name ?? member.email ?? member.memberId}</strong>{' '}
                <span className="muted">{member.email ?? member.companyDomain ?? member.memberId}</span>
                <div className="small">{member.reason}</div>
              </li>
            ))}
          </ul>
          <div className="pager">
            <span className="small">
              {formatCount(unresolved.offset + 1)}–{formatCount(shownTo)} of {formatCount(unresolved.total)}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={unresolved.offset === 0}
              onClick={() => void loadUnresolved(Math.max(0, unresolved.offset - UNRESOLVED_PAGE))}
            >
              Previous members
            </button>
            <button
              type="button"
              className="secondary"
              disabled={shownTo >= unresolved.total}
              onClick={() => void loadUnresolved(unresolved.offset + UNRESOLVED_PAGE)}
            >
              Next members
            </button>
          </div>
        </>
      )}
    </section>
  );
}
