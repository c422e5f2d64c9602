import { create } from 'zustand';
import type { AppInfo, ProjectInfo, ProjectSummary, RecentProject } from '../../../shared/api';
import { call, errorMessage } from '../api/client';

type Screen = 'loading' | 'start' | 'project';

interface ProjectState {
  screen: Screen;
  app: AppInfo | null;
  project: ProjectInfo | null;
  summary: ProjectSummary | null;
  recent: RecentProject[];
  busy: string | null;
  error: string | null;
  /** Counts the projects shown: the dashboard starts afresh for each, even the same file after a restore. */
  generation: number;
  /** What the last action did, when it is worth saying (an anonymised copy was written). */
  notice: string | null;
  start(): Promise<void>;
  openDemo(): Promise<void>;
  create(name: string, path?: string): Promise<void>;
  open(path: string): Promise<void>;
  saveAs(path: string): Promise<void>;
  /** Writes a copy without personal data; the open project stays this one. */
  saveAnonymised(path: string): Promise<void>;
  /** Replaces the project with one of its restore points and shows it again. */
  restore(id: string): Promise<void>;
  close(): Promise<void>;
  forget(path: string): Promise<void>;
  /** Reloads the dashboard's counts and totals after the project's data changed (an import). */
  refreshSummary(): Promise<void>;
  /** Shows an error from a feature store in the one banner. */
  reportError(error: unknown): void;
  dismissError(): void;
  dismissNotice(): void;
}

/**
 * Which project is open and what the start screen lists. Every action goes through the API; the store only holds
 * what the UI shows and the one error to tell the user about.
 */
export const useProjectStore = create<ProjectState>()((set, get) => {
  async function run(label: string, work: () => Promise<void>): Promise<void> {
    set({ busy: label, error: null, notice: null });
    try {
      await work();
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ busy: null });
    }
  }

  async function show(project: ProjectInfo): Promise<void> {
    const summary = await call('project:summary', {});
    document.title = `${project.meta.name} — Tributary`;
    set((state) => ({ screen: 'project', project, summary, generation: state.generation + 1 }));
  }

  async function showStart(): Promise<void> {
    document.title = 'Tributary';
    set({ screen: 'start', project: null, summary: null, recent: await call('recent:list', {}) });
  }

  return {
    screen: 'loading',
    app: null,
    project: null,
    summary: null,
    recent: [],
    busy: null,
    error: null,
    generation: 0,
    notice: null,

    start: () =>
      run('Starting', async () => {
        const app = await call('app:info', {});
        set({ app });
        const current = await call('project:current', {});
        if (current) return show(current);
        // Like any desktop app, come back to the project that was open at the last quit.
        try {
          const last = await call('project:reopenLast', {});
          if (last) return show(last);
        } catch (error) {
          set({ error: `The last project could not be reopened: ${errorMessage(error)}` });
          return showStart();
        }
        const recent = await call('recent:list', {});
        // First start: nothing opened before, so show what Tributary does with the demo project.
        if (recent.length === 0) return show(await call('project:openDemo', {}));
        await showStart();
      }).then(() => {
        if (get().screen === 'loading') set({ screen: 'start' });
      }),
    openDemo: () => run('Opening the demo project', async () => show(await call('project:openDemo', {}))),
    create: (name, path) =>
      run('Creating the project', async () => show(await call('project:create', path ? { name, path } : { name }))),
    open: (path) => run('Opening the project', async () => show(await call('project:open', { path }))),
    saveAs: (path) => run('Saving a copy', async () => show(await call('project:saveAs', { path }))),
    saveAnonymised: (path) =>
      run('Writing an anonymised copy', async () => {
        const copy = await call('project:saveAnonymised', { path });
        set({ notice: `Saved an anonymised copy to ${copy.path}. This project is unchanged.` });
      }),
    restore: (id) => run('Restoring', async () => show(await call('restore:apply', { id }))),
    close: () =>
      run('Closing the project', async () => {
        await call('project:close', {});
        await showStart();
      }),
    forget: (path) =>
      run('Updating recent projects', async () => set({ recent: await call('recent:forget', { path }) })),
    refreshSummary: async () => {
      if (get().screen !== 'project') return;
      try {
        set({ summary: await call('project:summary', {}) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    reportError: (error) => set({ error: errorMessage(error) }),
    dismissError: () => set({ error: null }),
    dismissNotice: () => set({ notice: null }),
  };
});
