import { call } from '../../api/client';

/** Saves every issue of an import as a CSV file through the browser's download, in Electron and browser mode. */
export async function downloadIssuesCsv(importId: number): Promise<void> {
  const { fileName, csv } = await call('import:issuesCsv', { importId });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the Blob to the download; a later revoke keeps slow browsers from losing it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
