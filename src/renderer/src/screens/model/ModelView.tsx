import { useEffect } from 'react';
import { breakdownFieldOf, useModelStore } from '../../stores/model';
import { useModelResultsStore } from '../../stores/modelResults';
import { useProjectStore } from '../../stores/project';
import { ModelPanel } from './ModelPanel';
import { ModelResults } from './ModelResults';

/** The Model tab: options on the left, results recomputed on every change on the right. */
export function ModelView() {
  const summary = useProjectStore((state) => state.summary);
  const options = useModelStore((state) => state.options);
  const flows = useModelStore((state) => state.flows);
  const focus = useModelStore((state) => state.focus);
  const breakdownField = useModelStore(breakdownFieldOf);
  const request = useModelResultsStore((state) => state.request);

  // A new summary means the project's data changed (an import): the same options give new results.
  useEffect(() => {
    request({ options, flows, focus, breakdownField });
  }, [options, flows, focus, breakdownField, summary, request]);

  if (!summary) return null;
  return (
    <div className="model-view">
      <ModelPanel />
      <ModelResults currency={summary.meta.currency} />
    </div>
  );
}
