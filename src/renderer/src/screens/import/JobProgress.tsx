import { formatCount } from '../../format';
import { useImportJobStore } from '../../stores/importJob';

/** The running job's progress: rows read, share of the file, speed, and a way to stop it. */
export function JobProgress() {
  const running = useImportJobStore((state) => state.running);
  const progress = useImportJobStore((state) => state.status?.progress ?? null);
  const cancel = useImportJobStore((state) => state.cancel);
  if (!running) return null;
  const percent = progress ? Math.round(progress.percent) : null;

  return (
    <div className="job-progress">
      <progress aria-label="Import progress" max={100} value={percent ?? undefined} />
      <span className="job-numbers" role="status">
        {running.dryRun ? 'Validating' : 'Importing'}
        {progress
          ? `: ${formatCount(progress.rowsRead)} rows read · ${percent}% · ${formatCount(
              Math.round(progress.rowsPerSecond),
            )} rows/s`
          : '…'}
      </span>
      <button type="button" className="secondary" onClick={() => void cancel()}>
        Cancel
      </button>
    </div>
  );
}
