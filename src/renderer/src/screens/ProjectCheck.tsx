import { useState } from 'react';
import type { ProjectCheckReport } from '../../../shared/api';
import { call, errorMessage } from '../api/client';

type CheckState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; report: ProjectCheckReport }
  | { status: 'failed'; message: string };

/**
 * "Check project": SQLite's full integrity check and the schema check on the open project (issue 7), which only
 * read it. Keyed by the project's path by its parent, so another project starts with no old answer shown.
 */
export function ProjectCheck() {
  const [state, setState] = useState<CheckState>({ status: 'idle' });

  async function check() {
    setState({ status: 'checking' });
    try {
      setState({ status: 'done', report: await call('project:check', {}) });
    } catch (error) {
      setState({ status: 'failed', message: errorMessage(error) });
    }
  }

  return (
    <div className="project-check">
      <button type="button" onClick={() => void check()} disabled={state.status === 'checking'}>
        {state.status === 'checking' ? 'Checking…' : 'Check project'}
      </button>
      {state.status === 'done' && state.report.ok && (
        <p role="status" className="check-ok">
          No problems found
        </p>
      )}
      {state.status === 'done' && !state.report.ok && (
        <div role="alert" className="check-problems">
          <p>{state.report.problems.length === 1 ? '1 problem' : `${state.report.problems.length} problems`} found:</p>
          <ul>
            {state.report.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {state.status === 'failed' && (
        <p role="alert" className="check-problems">
          The check could not run: {state.message}
        </p>
      )}
    </div>
  );
}
