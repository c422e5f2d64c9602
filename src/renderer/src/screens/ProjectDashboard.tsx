import { useState, type FormEvent } from 'react';
import { DATA_KINDS, type DataKind } from '../../../shared/kinds';
import { call } from '../api/client';
import { formatCount, formatDate, formatMoney } from '../format';
import { useProjectStore } from '../stores/project';

const KIND_LABELS: Record<DataKind, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts',
  opportunities: 'Opportunities',
  touchpoints: 'Marketing touchpoints',
  community_members: 'Community members',
  community_actions: 'Community actions',
  features: 'Features',
  opportunity_features: 'Opportunity–feature links',
};

export function ProjectDashboard() {
  const { app, summary, busy, close, saveAs } = useProjectStore();
  const [savePath, setSavePath] = useState('');
  if (!summary) return null;
  const desktop = app?.mode === 'desktop';
  const empty = DATA_KINDS.every((kind) => summary.counts[kind] === 0);

  async function submitSaveAs(event: FormEvent) {
    event.preventDefault();
    if (!summary) return;
    const path = desktop
      ? await call('dialog:pickProject', { purpose: 'save', suggestedName: `${summary.meta.name} copy` })
      : savePath.trim();
    if (path) await saveAs(path);
  }

  return (
    <main className="dashboard">
      <header className="project-header">
        <div>
          <h1>{summary.meta.name}</h1>
          <p className="path" title={summary.path}>
            {summary.path}
          </p>
        </div>
        <div className="actions">
          <form onSubmit={(event) => void submitSaveAs(event)} className="inline">
            {!desktop && (
              <label>
                Save a copy to
                <input value={savePath} onChange={(event) => setSavePath(event.target.value)} />
              </label>
            )}
            <button type="submit" disabled={busy !== null || (!desktop && !savePath.trim())}>
              Save as…
            </button>
          </form>
          <button type="button" onClick={() => void close()} disabled={busy !== null}>
            Close project
          </button>
        </div>
      </header>

      {empty && (
        <p className="empty">
          This project has no data yet. Import CRM and community CSVs to start attributing revenue.
        </p>
      )}

      <section aria-labelledby="revenue-heading" className="cards">
        <h2 id="revenue-heading" className="visually-hidden">
          Revenue
        </h2>
        <Card label="Won revenue" value={formatMoney(summary.wonRevenue, summary.meta.currency)} />
        <Card label="Won opportunities" value={formatCount(summary.wonOpportunities)} />
        <Card
          label="Date range"
          value={
            summary.dateRange ? `${formatDate(summary.dateRange.first)} – ${formatDate(summary.dateRange.last)}` : '—'
          }
        />
      </section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">Data</h2>
        <table className="counts">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {DATA_KINDS.map((kind) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{KIND_LABELS[kind]}</th>
                <td>{formatCount(summary.counts[kind])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

function Card({ label, value }: { label: string; value: string }) {
  return (
    <div className="card" role="group" aria-label={label}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
    </div>
  );
}
