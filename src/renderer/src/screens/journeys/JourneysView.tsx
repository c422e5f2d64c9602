import { useEffect } from 'react';
import { useJourneysStore } from '../../stores/journeys';
import { useModelStore } from '../../stores/model';
import { useProjectStore } from '../../stores/project';
import { OpportunityBrowser } from './OpportunityBrowser';
import { JourneyTimeline } from './JourneyTimeline';

/**
 * The Journeys tab: the scope's deals, sorted and filtered by stage and by id, name or account (one search field, the
 * list's), and the chosen deal's journey: when each touch happened and, touch by touch, how the current model
 * credited it.
 */
export function JourneysView() {
  const summary = useProjectStore((state) => state.summary);
  const options = useModelStore((state) => state.options);
  const selectedId = useJourneysStore((state) => state.selectedId);
  const detail = useJourneysStore((state) => state.detail);
  const loading = useJourneysStore((state) => state.loading);
  const error = useJourneysStore((state) => state.error);
  const explain = useJourneysStore((state) => state.explain);

  // The Model tab's options decide the explanation; new data (a new summary) recomputes it too.
  useEffect(() => {
    if (selectedId) void explain(options);
  }, [selectedId, options, summary, explain]);

  if (!summary) return null;
  const currency = summary.meta.currency;
  return (
    <div className="journeys-view">
      <OpportunityBrowser currency={currency} />
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div aria-busy={loading} aria-live="polite">
        {detail && detail.opportunityId === selectedId && (
          <JourneyTimeline
            // Another deal starts at the top of its table again.
            key={detail.opportunityId}
            detail={detail}
            currency={currency}
          />
        )}
        {selectedId && !detail && loading && <p className="muted">Explaining {selectedId}…</p>}
      </div>
    </div>
  );
}
