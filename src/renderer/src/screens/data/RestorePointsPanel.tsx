import { useEffect, useState } from 'react';
import type { RestorePointInfo, RestorePointReason } from '../../../../shared/restoreApi';
import { formatCount, formatDateTime } from '../../format';
import { useProjectStore } from '../../stores/project';
import { useRestorePointsStore } from '../../stores/restorePoints';

const REASONS: Record<RestorePointReason, string> = {
  auto: 'Periodic',
  import: 'Before an import',
  restore: 'Before a restore',
};

function describeContents(point: RestorePointInfo): string {
  const counts = point.counts;
  if (!counts) return 'unreadable';
  const touches = counts.touchpoints + counts.community_actions;
  return `${formatCount(counts.accounts)} accounts · ${formatCount(counts.opportunities)} opportunities · ${formatCount(touches)} touches`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Copies of the project made before imports and restores and every few minutes while it changed; one can replace
 * the project after a confirmation (the state it replaces is kept as a point of its own).
 */
export function RestorePointsPanel() {
  const { points, error, load } = useRestorePointsStore();
  const restore = useProjectStore((state) => state.restore);
  const busy = useProjectStore((state) => state.busy);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel" aria-labelledby="restore-points-heading">
      <h2 id="restore-points-heading">Restore points</h2>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {points?.length === 0 && (
        <p className="muted">
          None yet: one is made before every import, and every 10 minutes while the project changes.
        </p>
      )}
      {points && points.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby="restore-points-heading">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Why</th>
                <th scope="col">Holds</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.id}>
                  <td>{formatDateTime(Date.parse(point.createdAt))}</td>
                  <td>{REASONS[point.reason]}</td>
                  <td>{describeContents(point)}</td>
                  <td className="number">{formatBytes(point.bytes)}</td>
                  <td>
                    {confirming === point.id ? (
                      <span className="confirm" role="group" aria-label="Confirm the restore">
                        Replace the project with this point?{' '}
                        <button type="button" disabled={busy !== null} onClick={() => void restore(point.id)}>
                          Restore now
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          Cancel
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        aria-label={`Restore the point of ${formatDateTime(Date.parse(point.createdAt))} (${REASONS[point.reason].toLowerCase()})`}
                        disabled={busy !== null}
                        onClick={() => setConfirming(point.id)}
                      >
                        Restore…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
