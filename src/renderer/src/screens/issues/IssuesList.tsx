import { useEffect, useState } from 'react';
import type { ImportIssue, Page } from '../../../../shared/importApi';
import { call, errorMessage } from '../../api/client';
import { formatCount } from '../../format';
import { useProjectStore } from '../../stores/project';
import { downloadIssuesCsv } from './downloadIssues';
import { IssueTable } from './IssueTable';

const ISSUES_PAGE = 50;

interface Loaded {
  key: string;
  page: Page<ImportIssue> | null;
  error: string | null;
}

/** Every issue of one import from the project's history, a page at a time, and all of them as a CSV download. */
export function IssuesList({ importId, label }: { importId: number; label: string }) {
  const [offset, setOffset] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const reportError = useProjectStore((state) => state.reportError);
  const key = `${importId}:${offset}`;

  useEffect(() => {
    let current = true;
    call('import:issues', { importId, offset, limit: ISSUES_PAGE }).then(
      (page) => {
        if (current) setLoaded({ key: `${importId}:${offset}`, page, error: null });
      },
      (failure: unknown) => {
        if (current) setLoaded({ key: `${importId}:${offset}`, page: null, error: errorMessage(failure) });
      },
    );
    return () => {
      current = false;
    };
  }, [importId, offset]);

  const page = loaded?.page;
  const error = loaded?.error;
  const stale = loaded?.key !== key;

  return (
    <div className="issues-list" aria-busy={stale}>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {page && page.total === 0 && <p className="muted">No rejected rows or warnings.</p>}
      {page && page.total > 0 && (
        <>
          <div className="issues-toolbar">
            <span>
              Issues {formatCount(page.offset + 1)}–{formatCount(page.offset + page.rows.length)} of{' '}
              {formatCount(page.total)}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - ISSUES_PAGE))}
            >
              Previous issues
            </button>
            <button
              type="button"
              className="secondary"
              disabled={page.offset + page.rows.length >= page.total}
              onClick={() => setOffset(offset + ISSUES_PAGE)}
            >
              Next issues
            </button>
            <button type="button" onClick={() => void downloadIssuesCsv(importId).catch(reportError)}>
              Download rejected rows (CSV)
            </button>
          </div>
          <IssueTable issues={page.rows} label={label} />
        </>
      )}
    </div>
  );
}
