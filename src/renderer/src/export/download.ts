/** Hands a Blob to the browser's download (Electron and browser mode alike) under `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
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
