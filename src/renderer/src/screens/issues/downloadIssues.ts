import { call } from '../../api/client';
import { downloadBlob } from '../../export/download';

/** Saves every issue of an import as a CSV file through the browser's download, in Electron and browser mode. */
export async function downloadIssuesCsv(importId: number): Promise<void> {
  const { fileName, csv } = await call('import:issuesCsv', { importId });
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
}
