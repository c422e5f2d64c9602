import { useEffect } from 'react';
import { ErrorBanner } from './screens/ErrorBanner';
import { ProjectDashboard } from './screens/ProjectDashboard';
import { StartScreen } from './screens/StartScreen';
import { ThemePicker } from './screens/ThemePicker';
import { useProjectStore } from './stores/project';
import { useThemeStore } from './stores/theme';

export function App() {
  const screen = useProjectStore((state) => state.screen);
  const busy = useProjectStore((state) => state.busy);
  const generation = useProjectStore((state) => state.generation);
  const start = useProjectStore((state) => state.start);
  const loadTheme = useThemeStore((state) => state.load);

  useEffect(() => {
    void loadTheme();
    void start();
  }, [start, loadTheme]);

  return (
    <div className="app" aria-busy={busy !== null}>
      <div className="app-bar">
        <ThemePicker />
      </div>
      <ErrorBanner />
      {busy && (
        <div className="busy" role="status">
          {busy}…
        </div>
      )}
      {screen === 'start' && <StartScreen />}
      {/* A new key per project shown: after a restore the same file's dashboard starts afresh. */}
      {screen === 'project' && <ProjectDashboard key={generation} />}
    </div>
  );
}
