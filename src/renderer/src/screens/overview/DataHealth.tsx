import { useEffect } from 'react';
import { formatCount, formatMoney } from '../../format';
import { useDataStore } from '../../stores/data';
import { useModelResultsStore } from '../../stores/modelResults';

/** Imports the Overview looks at for rejected rows: the latest few. */
const RECENT_IMPORTS = 5;

/**
 * What in the data weakens the answer (issue 17: data health), each with where it is fixed: members not resolved
 * to an account, references to rows the project lacks, job moves to no known company, won revenue with no touch,
 * and rows the latest imports rejected. Says so plainly when there is nothing to fix.
 */
export function DataHealth({ currency, onOpen }: { currency: string; onOpen: (view: 'data' | 'import') => void }) {
  const overview = useDataStore((state) => state.overview);
  const history = useDataStore((state) => state.history);
  const load = useDataStore((state) => state.load);
  const error = useDataStore((state) => state.error);
  const run = useModelResultsStore((state) => state.run);

  useEffect(() => {
    if (!overview) void load();
  }, [overview, load]);

  if (!overview) {
    return (
      <section className="data-health panel" aria-labelledby="data-health-heading">
        <h2 id="data-health-heading">Data health</h2>
        <p className="muted">{error ? `The data could not be checked: ${error}` : 'Checking…'}</p>
      </section>
    );
  }
  const rejected = history.slice(0, RECENT_IMPORTS).filter((row) => row.rowsRejected > 0);
  const findings: { key: string; text: string; fix: 'data' | 'import' }[] = [];
  if (overview.members.unresolved > 0) {
    findings.push({
      key: 'members',
      text: `${formatCount(overview.members.unresolved)} of ${formatCount(overview.members.total)} community members are not resolved to an account: their actions count for no deal.`,
      fix: 'data',
    });
  }
  for (const orphan of overview.orphans.filter((row) => row.count > 0)) {
    findings.push({ key: orphan.relation, text: `${formatCount(orphan.count)} ${orphan.label}.`, fix: 'data' });
  }
  if (overview.jobMoves.unresolved > 0) {
    findings.push({
      key: 'job-moves',
      text: `${formatCount(overview.jobMoves.unresolved)} job moves name a company the project has no account for.`,
      fix: 'data',
    });
  }
  if (run && run.attribution.unattributedDeals > 0) {
    findings.push({
      key: 'unattributed',
      text: `${formatMoney(run.attribution.unattributed, currency)} of won revenue (${formatCount(run.attribution.unattributedDeals)} deals) has no touch to credit.`,
      fix: 'import',
    });
  }
  for (const row of rejected) {
    findings.push({
      key: `import-${row.importId}`,
      text: `The import of ${row.fileName} rejected ${formatCount(row.rowsRejected)} of ${formatCount(row.rowsRead)} rows.`,
      fix: 'data',
    });
  }
  return (
    <section className="data-health panel" aria-labelledby="data-health-heading">
      <h2 id="data-health-heading">Data health</h2>
      {findings.length === 0 ? (
        <p>Nothing to fix: every member is resolved, every reference found, every won deal has a touch.</p>
      ) : (
        <ul className="health-findings">
          {findings.map((finding) => (
            <li key={finding.key}>
              {finding.text}{' '}
              <button type="button" className="link" onClick={() => onOpen(finding.fix)}>
                {finding.fix === 'data' ? 'Review in the Data tab' : 'Import touches'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
