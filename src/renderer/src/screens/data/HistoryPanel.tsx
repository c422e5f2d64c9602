import { formatCount, formatDateTime } from '../../format';
import { KIND_LABELS } from '../../kindLabels';
import { useDataStore } from '../../stores/data';
import { IssuesList } from '../issues/IssuesList';

/** Every import into the project, newest first as the engine lists them, and one import's issues on request. */
export function HistoryPanel() {
  const history = useDataStore((state) => state.history);
  const overview = useDataStore((state) => state.overview);
  const selected = useDataStore((state) => state.selectedImport);
  const selectImport = useDataStore((state) => state.selectImport);

  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Import history</h2>
      {overview && history.length === 0 && <p className="muted">Nothing imported yet.</p>}
      {history.length > 0 && (
        <div className="table-scroll">
          <table className="data-table history-table" aria-labelledby="history-heading">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">File</th>
                <th scope="col">Kind</th>
                <th scope="col">Read</th>
                <th scope="col">Imported</th>
                <th scope="col">Rejected</th>
                <th scope="col">
                  <span className="visually-hidden">Issues</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((row) => (
                <tr key={row.importId} className={row.importId === selected?.importId ? 'selected' : undefined}>
                  <td>{formatDateTime(row.startedAt)}</td>
                  <td>{row.fileName}</td>
                  <td>{KIND_LABELS[row.kind]}</td>
                  <td className="number">{formatCount(row.rowsRead)}</td>
                  <td className="number">{formatCount(row.rowsImported)}</td>
                  <td className="number">{formatCount(row.rowsRejected)}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={`Issues of import ${row.importId} (${row.fileName})`}
                      aria-pressed={row.importId === selected?.importId}
                      onClick={() => selectImport(row.importId === selected?.importId ? null : row)}
                    >
                      Issues
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && (
        <div className="history-issues">
          <h3>
            Issues of {selected.fileName} ({formatDateTime(selected.startedAt)})
          </h3>
          <IssuesList
            key={selected.importId}
            importId={selected.importId}
            label={`Issues of import ${selected.importId}`}
          />
        </div>
      )}
    </section>
  );
}
