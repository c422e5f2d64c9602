import { DATA_KINDS } from '../../../../shared/kinds';
import { formatCount } from '../../format';
import { KIND_LABELS } from '../../kindLabels';
import { useDataStore } from '../../stores/data';

/** Rows per kind, as the project holds them now. */
export function CountsPanel() {
  const overview = useDataStore((state) => state.overview);
  return (
    <section className="panel" aria-labelledby="data-counts-heading">
      <h2 id="data-counts-heading">Row counts</h2>
      {overview && (
        <table className="compact-table" aria-labelledby="data-counts-heading">
          <tbody>
            {DATA_KINDS.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{KIND_LABELS[kind]}</th>
                <td className="number">{formatCount(overview.counts[kind])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
