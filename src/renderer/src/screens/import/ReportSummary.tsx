import type { ImportReport } from '../../../../shared/importApi';
import { formatCount } from '../../format';

/** A validation's or an import's numbers, and what the engine assumed about the file. */
export function ReportSummary({ report, dryRun }: { report: ImportReport; dryRun: boolean }) {
  const figures: [string, number][] = [
    ['Rows read', report.rowsRead],
    [dryRun ? 'Would import' : 'Imported', report.rowsImported],
    ['Rejected', report.rowsRejected],
    ['Warnings', report.warnings],
  ];
  return (
    <>
      <dl className="figures">
        {figures.map(([label, value]) => (
          <div key={label} className={label === 'Rejected' && value > 0 ? 'figure bad' : 'figure'}>
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {report.customFields.length > 0 && (
        <p>
          Kept as custom fields: <span className="chips-inline">{report.customFields.join(', ')}</span>
        </p>
      )}
      {report.ignoredHeaders.length > 0 && <p className="warning">Not imported: {report.ignoredHeaders.join(', ')}</p>}
      {report.notes.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}
