import { useEffect } from 'react';
import { useDataStore } from '../../stores/data';
import { CountsPanel } from './CountsPanel';
import { HistoryPanel } from './HistoryPanel';
import { MembersPanel } from './MembersPanel';
import { OrphansPanel } from './OrphansPanel';
import { RestorePointsPanel } from './RestorePointsPanel';
import { RowsPanel } from './RowsPanel';

/**
 * What the project holds: counts, dangling references, unresolved members, import history, restore points and every
 * row.
 */
export function DataView() {
  const load = useDataStore((state) => state.load);
  const error = useDataStore((state) => state.error);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="data-view">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="data-panels">
        <CountsPanel />
        <OrphansPanel />
        <MembersPanel />
      </div>
      <HistoryPanel />
      <RestorePointsPanel />
      <RowsPanel />
    </div>
  );
}
