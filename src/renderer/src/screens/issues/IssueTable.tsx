import type { ImportIssue } from '../../../../shared/importApi';

/** Issues of an import by line: the file's column, whether the row was rejected or kept, and why. */
export function IssueTable({ issues, label }: { issues: ImportIssue[]; label: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table issue-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Reason</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={`${issue.line}-${index}`} className={issue.severity === 'rejected' ? 'rejected' : 'has-issues'}>
              <td className="number">{issue.line}</td>
              <td>{issue.column ?? '(whole row)'}</td>
              <td>{issue.reason}</td>
              <td>{issue.severity === 'rejected' ? 'Rejected' : 'Warning'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
