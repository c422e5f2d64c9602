import { formatCount } from '../../format';
import { useDataStore } from '../../stores/data';

/** References to rows the project does not have: kept, and flagged here (data.md). */
export function OrphansPanel() {
  const overview = useDataStore((state) => state.overview);
  const orphans = overview?.orphans.filter((orphan) => orphan.count > 0) ?? [];
  return (
    <section className="panel" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">Orphans</h2>
      {overview && orphans.length === 0 && <p className="muted">No orphans</p>}
      {orphans.length > 0 && (
        <table className="compact-table" aria-labelledby="orphans-heading">
          <tbody>
            {orphans.map((orphan) => (
              <tr key={orphan.relation}>
                <th scope="row">{orphan.label}</th>
                <td className="number">{formatCount(orphan.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
