import type { FormEvent } from 'react';
import { call, pathForFile } from '../../api/client';
import { useImportStore } from '../../stores/import';
import { useImportJobStore } from '../../stores/importJob';
import { useProjectStore } from '../../stores/project';

/** Imports a chosen or dropped file: its path (uploaded first in browser mode), then inspection. */
export function useTakeFile(): (file: File | undefined) => Promise<void> {
  const reportError = useProjectStore((state) => state.reportError);
  const { setPath, inspect } = useImportStore();
  return async (file) => {
    if (!file) return;
    try {
      setPath(await pathForFile(file));
      await inspect();
    } catch (failure) {
      reportError(failure);
    }
  };
}

/**
 * Step 1: which CSV to import: typed as a path, chosen in the system's dialog (desktop) or a file picker (browser),
 * or dropped on the step.
 */
export function FileStep() {
  const desktop = useProjectStore((state) => state.app?.mode === 'desktop');
  const reportError = useProjectStore((state) => state.reportError);
  const { path, inspecting, error, inspection, setPath, inspect } = useImportStore();
  const jobRunning = useImportJobStore((state) => state.running !== null);
  const take = useTakeFile();

  function submit(event: FormEvent) {
    event.preventDefault();
    void inspect();
  }

  async function choose() {
    try {
      const chosen = await call('dialog:pickProject', { purpose: 'csv' });
      if (!chosen) return;
      setPath(chosen);
      await inspect();
    } catch (failure) {
      reportError(failure);
    }
  }

  return (
    <section className="panel wizard-step" aria-labelledby="file-heading">
      <h2 id="file-heading">1. Choose a file</h2>
      <p className="muted">Drop a CSV export here, or give its path.</p>
      <form className="inline file-form" onSubmit={submit}>
        <label className="grow">
          CSV file
          <input
            value={path}
            onChange={(event) => setPath(event.target.value)}
            placeholder="/path/to/export.csv"
            spellCheck={false}
          />
        </label>
        <button type="submit" disabled={inspecting || jobRunning || !path.trim()}>
          Inspect
        </button>
        {desktop ? (
          <button type="button" className="secondary" onClick={() => void choose()} disabled={inspecting || jobRunning}>
            Choose file…
          </button>
        ) : (
          <label className="file-picker">
            Upload CSV
            <input
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              disabled={inspecting || jobRunning}
              onChange={(event) => void take(event.target.files?.[0])}
            />
          </label>
        )}
      </form>
      {inspecting && <p role="status">Reading the file…</p>}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {inspection && !error && (
        <p className="muted">
          {inspection.fileName}: {inspection.headers.length} columns, {formatBytes(inspection.size)}
        </p>
      )}
    </section>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
