import type { ModelOptions } from '../../../shared/modelOptions';
import { call } from '../api/client';
import { finishedBootstrapOf } from '../stores/robustness';
import { downloadBlob } from './download';

export type ExportOutcome = { saved: false } | { saved: true; rows: number; fileName: string; path: string | null };

/**
 * Per-touch credits as CSV. The engine writes the file itself (it can be ~100 MB): in the desktop app where the
 * save dialog says, in browser mode into the server's user-data folder, from where the browser downloads it.
 */
export async function exportCreditsCsv(options: ModelOptions, desktop: boolean): Promise<ExportOutcome> {
  if (desktop) {
    const path = await call('dialog:pickExport', { format: 'csv', suggestedName: `credits-${options.model}.csv` });
    if (path === null) return { saved: false };
    const result = await call('export:credits', { options, path });
    return { saved: true, rows: result.rows, fileName: result.fileName, path: result.path };
  }
  const result = await call('export:credits', { options });
  if (result.downloadId === null) throw new Error('The server did not offer the file for download.');
  const link = document.createElement('a');
  link.href = `/download/${encodeURIComponent(result.downloadId)}`;
  link.download = result.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  return { saved: true, rows: result.rows, fileName: result.fileName, path: null };
}

/**
 * The one-page summary report, saved as an HTML page (print it to PDF from a browser), with the intervals of the
 * bootstrap the Model tab ran for these options, if it did (spec 13).
 */
export async function downloadReport(options: ModelOptions): Promise<void> {
  const bootstrapJobId = finishedBootstrapOf(options);
  const { fileName, html } = await call('export:report', {
    options,
    locale: navigator.language,
    ...(bootstrapJobId ? { bootstrapJobId } : {}),
  });
  downloadBlob(new Blob([html], { type: 'text/html;charset=utf-8' }), fileName);
}
