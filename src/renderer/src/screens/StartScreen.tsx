import { useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { useProjectStore } from '../stores/project';

/** New, open, demo and recent projects. Desktop uses the system's file dialogs; browser mode takes typed paths. */
export function StartScreen() {
  const { app, recent, busy, openDemo, create, open, forget } = useProjectStore();
  const desktop = app?.mode === 'desktop';
  const [name, setName] = useState('');
  const [newPath, setNewPath] = useState('');
  const [openPath, setOpenPath] = useState('');

  async function submitNew(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    if (desktop) {
      const path = await call('dialog:pickProject', { purpose: 'save', suggestedName: name.trim() });
      if (path) await create(name.trim(), path);
      return;
    }
    await create(name.trim(), newPath.trim() || undefined);
  }

  async function submitOpen(event: FormEvent) {
    event.preventDefault();
    if (desktop) {
      const path = await call('dialog:pickProject', { purpose: 'open' });
      if (path) await open(path);
      return;
    }
    if (openPath.trim()) await open(openPath.trim());
  }

  return (
    <main className="start">
      <header>
        <h1>Tributary</h1>
        <p>Revenue attribution and community-attributed revenue, on your own machine.</p>
      </header>

      <section aria-labelledby="demo-heading" className="panel">
        <h2 id="demo-heading">Explore</h2>
        <p>A generated B2B company with CRM, marketing and community data.</p>
        <button type="button" onClick={() => void openDemo()} disabled={busy !== null}>
          Open demo project
        </button>
      </section>

      <section aria-labelledby="new-heading" className="panel">
        <h2 id="new-heading">New project</h2>
        <form onSubmit={(event) => void submitNew(event)}>
          <label>
            Project name
            <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
          </label>
          {!desktop && (
            <label>
              File (optional)
              <input
                value={newPath}
                onChange={(event) => setNewPath(event.target.value)}
                placeholder={app ? `${app.projectsDir}/<name>.sqlite` : ''}
              />
            </label>
          )}
          <button type="submit" disabled={busy !== null || !name.trim()}>
            Create project
          </button>
        </form>
      </section>

      <section aria-labelledby="open-heading" className="panel">
        <h2 id="open-heading">Open project</h2>
        <form onSubmit={(event) => void submitOpen(event)}>
          {!desktop && (
            <label>
              Project file
              <input
                value={openPath}
                onChange={(event) => setOpenPath(event.target.value)}
                placeholder="/path/to/project.sqlite"
              />
            </label>
          )}
          <button type="submit" disabled={busy !== null || (!desktop && !openPath.trim())}>
            {desktop ? 'Open project…' : 'Open project'}
          </button>
        </form>
      </section>

      <section aria-labelledby="recent-heading" className="panel recent">
        <h2 id="recent-heading">Recent projects</h2>
        {recent.length === 0 ? (
          <p>No recent projects yet.</p>
        ) : (
          <ul>
            {recent.map((entry) => (
              <li key={entry.path}>
                <button
                  type="button"
                  onClick={() => void open(entry.path)}
                  disabled={busy !== null || !entry.exists}
                  title={entry.path}
                >
                  {entry.name || entry.path}
                </button>
                <span className="path">{entry.exists ? entry.path : `${entry.path} (missing)`}</span>
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${entry.name} from recent projects`}
                  onClick={() => void forget(entry.path)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
