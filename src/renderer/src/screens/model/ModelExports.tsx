import { useState } from 'react';
import type { ModelOptions } from '../../../../shared/modelOptions';
import { errorMessage } from '../../api/client';
import { downloadReport, exportCreditsCsv } from '../../export/modelExports';
import { formatCount } from '../../format';
import { useProjectStore } from '../../stores/project';

type Busy = 'credits' | 'report' | null;

/** The scenario's files: every credited touch as CSV, and the one-page summary report. */
export function ModelExports({ options }: { options: ModelOptions }) {
  const desktop = useProjectStore((state) => state.app?.mode === 'desktop');
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  async function run(kind: Exclude<Busy, null>, work: () => Promise<string | null>) {
    setBusy(kind);
    setStatus(null);
    try {
      const text = await work();
      if (text) setStatus({ text, error: false });
    } catch (error) {
      setStatus({ text: errorMessage(error), error: true });
    } finally {
      setBusy(null);
    }
  }

  const credits = () =>
    run('credits', async () => {
      const outcome = await exportCreditsCsv(options, desktop);
      if (!outcome.saved) return null;
      const rows = `${formatCount(outcome.rows)} ${outcome.rows === 1 ? 'row' : 'rows'}`;
      return outcome.path ? `Saved ${rows} to ${outcome.path}.` : `Exported ${rows} as ${outcome.fileName}.`;
    });
  const report = () =>
    run('report', async () => {
      await downloadReport(options);
      return 'Report ready: open it in a browser and print it to PDF if you need one.';
    });

  return (
    <section className="model-exports" aria-label="Exports" aria-busy={busy !== null}>
      <div className="flows-export">
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void credits()}>
          {busy === 'credits' ? 'Exporting credits…' : 'Export credits CSV'}
        </button>
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void report()}>
          {busy === 'report' ? 'Preparing report…' : 'Summary report'}
        </button>
      </div>
      {status && (
        <p className={status.error ? 'inline-error' : 'muted small'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
