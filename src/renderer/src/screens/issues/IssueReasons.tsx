import type { ImportIssue } from '../../../../shared/importApi';

/** A row's issues in a preview cell: the column and reason, rejections marked apart from warnings. */
export function IssueReasons({ issues }: { issues: ImportIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="issue-reasons">
      {issues.map((issue, index) => (
        <li key={index} className={issue.severity}>
          <span className="visually-hidden">{issue.severity === 'rejected' ? 'Rejected: ' : 'Warning: '}</span>
          {issue.column && <strong>{issue.column}: </strong>}
          {issue.reason}
        </li>
      ))}
    </ul>
  );
}
