import type { ProjectCheckReport } from '../shared/api';

export interface CheckDialog {
  type: 'info' | 'warning' | 'error';
  message: string;
  detail: string;
}

/** What the desktop menu's "Check project integrity" shows: the answer of `project:check`, or why it could not run. */
export function checkDialog(outcome: { report: ProjectCheckReport } | { error: string }): CheckDialog {
  if ('error' in outcome) return { type: 'error', message: 'The check could not run', detail: outcome.error };
  const { report } = outcome;
  if (report.ok) return { type: 'info', message: 'No problems found', detail: report.path };
  const count = report.problems.length === 1 ? '1 problem' : `${report.problems.length} problems`;
  // A dialog is no place for thousands of lines; the first ones say what is wrong, `tributary check` lists all.
  const shown = report.problems.slice(0, 15);
  const more = report.problems.length - shown.length;
  return {
    type: 'warning',
    message: `${count} found in ${report.path}`,
    detail: [...shown, ...(more > 0 ? [`…and ${more} more (tributary check lists them all)`] : [])].join('\n'),
  };
}
