import type { FormEvent } from 'react';
import { isAllTime } from '../../../../shared/scope';
import { formatDate, formatMoney } from '../../format';
import { useJourneysStore } from '../../stores/journeys';
import { useModelStore } from '../../stores/model';

/** Find an opportunity of the report scope by id, name or account, and pick one to explain. */
export function JourneySearch({ currency }: { currency: string }) {
  const query = useJourneysStore((state) => state.query);
  const matches = useJourneysStore((state) => state.matches);
  const searching = useJourneysStore((state) => state.searching);
  const selectedId = useJourneysStore((state) => state.selectedId);
  const setQuery = useJourneysStore((state) => state.setQuery);
  const search = useJourneysStore((state) => state.search);
  const select = useJourneysStore((state) => state.select);
  const scope = useModelStore((state) => state.options.scope);

  function submit(event: FormEvent) {
    event.preventDefault();
    void search(scope);
  }

  return (
    <section className="panel journey-search" aria-labelledby="journey-search-heading">
      <h2 id="journey-search-heading">Opportunities</h2>
      <form role="search" onSubmit={submit} className="inline">
        <label>
          Find an opportunity
          <input
            type="search"
            value={query}
            placeholder="Id, name or account"
            maxLength={200}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <button type="submit" disabled={!query.trim() || searching}>
          Search
        </button>
      </form>
      {matches && matches.length === 0 && (
        <p className="muted">
          No opportunity {isAllTime(scope) ? '' : 'in this scope '}matches “{query.trim()}”.
        </p>
      )}
      {matches && matches.length > 0 && (
        <ul className="plain-list journey-matches" aria-label="Matching opportunities" aria-busy={searching}>
          {matches.map((match) => (
            <li key={match.opportunityId}>
              <button
                type="button"
                aria-pressed={match.opportunityId === selectedId}
                onClick={() => select(match.opportunityId)}
              >
                <strong>{match.opportunityId}</strong> {match.name ?? ''} · {match.accountId} · {match.stage} ·{' '}
                {formatMoney(match.amount, currency)}
                {match.closedAt !== null && <> · closed {formatDate(match.closedAt)}</>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
