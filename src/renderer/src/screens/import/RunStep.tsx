import { formatCount } from '../../format';
import { useImportStore } from '../../stores/import';
import { useImportJobStore } from '../../stores/importJob';
import { IssuesList } from '../issues/IssuesList';
import { IssueTable } from '../issues/IssueTable';
import { JobProgress } from './JobProgress';
import { ReportSummary } from './ReportSummary';

const FIRST_ISSUES = 20;

/** Steps 3 and 4: validate the whole file without writing, then import it (optionally all or nothing). */
export function RunStep() {
  const { inspectedPath, mapping, strict, saveMappingAs, setStrict } = useImportStore();
  const { running, validation, result, error, lastDryRun, start } = useImportJobStore();
  if (!inspectedPath || !mapping) return null;

  const run = (dryRun: boolean) => {
    const name = saveMappingAs.trim();
    void start({ path: inspectedPath, mapping, strict, dryRun, ...(name ? { saveMappingAs: name } : {}) });
  };

  return (
    <>
      <section className="panel wizard-step" aria-labelledby="validate-heading">
        <h2 id="validate-heading">3. Validate</h2>
        <p className="muted">Reads the whole file as an import would and writes nothing.</p>
        <button type="button" onClick={() => run(true)} disabled={running !== null}>
          Validate
        </button>
        {running?.dryRun && <JobProgress />}
        {error && lastDryRun && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        {validation && (
          <div className="report" role="region" aria-label="Validation summary">
            <ReportSummary report={validation} dryRun />
            {validation.issues.length > 0 && (
              <>
                <h3>First issues</h3>
                <IssueTable issues={validation.issues.slice(0, FIRST_ISSUES)} label="First issues" />
              </>
            )}
          </div>
        )}
      </section>

      <section className="panel wizard-step" aria-labelledby="import-heading">
        <h2 id="import-heading">4. Import</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={strict}
            onChange={(event) => setStrict(event.target.checked)}
            disabled={running !== null}
          />
          Import nothing if any row is rejected
        </label>
        <button type="button" onClick={() => run(false)} disabled={running !== null}>
          Import
        </button>
        {running && !running.dryRun && <JobProgress />}
        {error && !lastDryRun && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        {result && (
          <div className="report" role="region" aria-label="Import summary">
            <h3>
              {result.committed
                ? `Imported ${formatCount(result.rowsImported)} rows`
                : `Nothing was imported: ${formatCount(result.rowsRejected)} rows were rejected`}
            </h3>
            <ReportSummary report={result} dryRun={false} />
            {result.importId !== null && result.rowsRejected + result.warnings > 0 && (
              <>
                <h3>Rejected rows</h3>
                <IssuesList importId={result.importId} label="Rejected rows" />
              </>
            )}
            {result.importId === null && result.issues.length > 0 && (
              <>
                <h3>Rejected rows</h3>
                <IssueTable issues={result.issues} label="Rejected rows" />
              </>
            )}
          </div>
        )}
      </section>
    </>
  );
}
