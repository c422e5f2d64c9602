import { formatCell } from '../../format';
import { useImportStore } from '../../stores/import';
import { IssueReasons } from '../issues/IssueReasons';
import { IssueTable } from '../issues/IssueTable';

/** The first rows exactly as they would be stored under the current mapping, with each row's issues. */
export function PreviewPanel() {
  const preview = useImportStore((state) => state.preview);
  const loading = useImportStore((state) => state.previewLoading);
  const error = useImportStore((state) => state.previewError);
  const issues = preview?.rows.flatMap((row) => row.issues) ?? [];

  return (
    <section className="panel wizard-step" aria-labelledby="preview-heading" aria-busy={loading}>
      <h2 id="preview-heading">
        Preview{' '}
        {loading && (
          <span className="muted small" role="status">
            updating…
          </span>
        )}
      </h2>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="table-scroll" role="region" aria-label="Preview rows" tabIndex={0}>
          <table className="data-table preview-table">
            <caption className="visually-hidden">The file&apos;s first rows as they will be stored</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {preview.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr
                  key={row.line}
                  className={row.values === null ? 'rejected' : row.issues.length > 0 ? 'has-issues' : undefined}
                >
                  <td className="number">{row.line}</td>
                  {row.values === null ? (
                    <td colSpan={preview.columns.length} className="rejected-cell">
                      Rejected, not imported: <IssueReasons issues={row.issues} />
                    </td>
                  ) : (
                    row.values.map((value, index) => {
                      const column = preview.columns[index] ?? '';
                      return <td key={column || index}>{formatCell(column, value)}</td>;
                    })
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {issues.length > 0 && (
        <>
          <h3>Issues in these rows</h3>
          <IssueTable issues={issues} label="Issues in the preview" />
        </>
      )}
    </section>
  );
}
