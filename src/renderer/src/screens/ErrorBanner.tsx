import { useProjectStore } from '../stores/project';

export function ErrorBanner() {
  const error = useProjectStore((state) => state.error);
  const dismiss = useProjectStore((state) => state.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error}</span>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
