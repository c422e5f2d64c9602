import { formatCount } from '../../format';
import { useGroupsStore } from '../../stores/groups';

/** What the draft would report: each reported channel, its touches, and the raw channels that land in it. */
export function GroupPreviewTable() {
  const preview = useGroupsStore((state) => state.preview);
  const problem = useGroupsStore((state) => state.previewError);
  const previewing = useGroupsStore((state) => state.previewing);

  return (
    <section className="group-preview panel" aria-labelledby="group-preview-heading" aria-busy={previewing}>
      <h2 id="group-preview-heading">Preview</h2>
      <p className="muted small">What these rules would report, before they are saved.</p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
          {preview && ' The table shows the last rules that could be read.'}
        </p>
      )}
      {!preview && !problem && <p className="muted">Reading the touches…</p>}
      {preview && (
        <table className="group-preview-table" aria-label="Touches by reported channel" data-stale={problem !== null}>
          <thead>
            <tr>
              <th scope="col">Reported channel</th>
              <th scope="col" className="number">
                Touches
              </th>
              <th scope="col">Raw channels in it</th>
            </tr>
          </thead>
          <tbody>
            {preview.groups.map((group) => (
              <tr key={group.channel} className={group.grouped ? 'grouped' : 'ungrouped'}>
                <th scope="row">
                  {group.channel}{' '}
                  <span className={group.grouped ? 'tag' : 'tag muted'}>{group.grouped ? 'group' : 'ungrouped'}</span>
                </th>
                <td className="number">{formatCount(group.touches)}</td>
                <td>
                  <ul className="group-raw">
                    {group.raw.map((raw) => (
                      <li key={raw.channel}>
                        <code>{raw.channel}</code> <span className="muted">{formatCount(raw.touches)}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
