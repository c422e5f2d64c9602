import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { call } from '../api/client';
import { useProjectStore } from '../stores/project';
import { resetProjectStores } from '../stores/projectStores';
import { AnonymisedBanner } from './AnonymisedBanner';
import { CompareView } from './compare/CompareView';
import { SaveAnonymisedForm } from './SaveAnonymisedForm';
import { DataView } from './data/DataView';
import { GroupsView } from './groups/GroupsView';
import { ImportWizard } from './import/ImportWizard';
import { JourneysView } from './journeys/JourneysView';
import { Overview } from './Overview';
import { ProjectCheck } from './ProjectCheck';
import { panelId, PROJECT_VIEWS, ProjectTabs, tabId, type ProjectView } from './ProjectTabs';
import { ScopeBar } from './scope/ScopeBar';

// The model tab carries the chart library: load it when the tab is first opened.
const ModelView = lazy(() => import('./model/ModelView').then((module) => ({ default: module.ModelView })));

/** The views whose figures cover the report scope (spec 9): the scope bar shows above them. */
const SCOPED_VIEWS: ReadonlySet<ProjectView> = new Set(['model', 'compare', 'journeys']);

export function ProjectDashboard() {
  const { app, project, summary, busy, close, saveAs } = useProjectStore();
  const [savePath, setSavePath] = useState('');
  const [view, setView] = useState<ProjectView>('overview');
  const projectPath = summary?.path;

  // The wizard, the data view and the model's options belong to one project: start them afresh when another one opens.
  useEffect(() => {
    return () => resetProjectStores();
  }, [projectPath]);

  if (!summary) return null;
  const desktop = app?.mode === 'desktop';

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
        <div className="project-title">
          <h1>{summary.meta.name}</h1>
          <p className="path" title={summary.path}>
            {summary.path}
          </p>
          {project?.upgraded && (
            <p role="status" className="upgrade-note">
              Upgraded from schema {project.upgraded.fromVersion} to {project.upgraded.toVersion}; the file as it was is
              saved as {project.upgraded.backup}
            </p>
          )}
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
          <SaveAnonymisedForm />
          <ProjectCheck key={summary.path} />
          <button type="button" onClick={() => void close()} disabled={busy !== null}>
            Close project
          </button>
        </div>
      </header>
      <AnonymisedBanner />

      <ProjectTabs current={view} onSelect={setView} />
      {PROJECT_VIEWS.map(({ id }) => (
        <div
          key={id}
          className="tab-panel"
          role="tabpanel"
          id={panelId(id)}
          aria-labelledby={tabId(id)}
          hidden={id !== view}
        >
          {id === view && SCOPED_VIEWS.has(id) && <ScopeBar />}
          {id === view && id === 'overview' && <Overview onOpen={setView} />}
          {id === view && id === 'model' && (
            <Suspense fallback={<p className="muted">Loading the model view…</p>}>
              <ModelView />
            </Suspense>
          )}
          {id === view && id === 'compare' && <CompareView />}
          {id === view && id === 'journeys' && <JourneysView />}
          {id === view && id === 'channels' && <GroupsView />}
          {id === view && id === 'import' && <ImportWizard />}
          {id === view && id === 'data' && <DataView />}
        </div>
      ))}
    </main>
  );
}
