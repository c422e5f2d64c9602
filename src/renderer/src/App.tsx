import { useEffect } from 'react';
import { ErrorBanner } from './screens/ErrorBanner';
import { ProjectDashboard } from './screens/ProjectDashboard';
import { StartScreen } from './screens/StartScreen';
import { useProjectStore } from './stores/project';

export function App() {
  const screen = useProjectStore((state) => state.screen);
  const busy = useProjectStore((state) => state.busy);
  const start = useProjectStore((state) => state.start);

  useEffect(() => {
    void start();
  }, [start]);

  return (
    <div className="app" aria-busy={busy !== null}>
      <ErrorBanner />
      {busy && (
        <div className="busy" role="status">
          {busy}…
        </div>
      )}
      {screen === 'start' && <StartScreen />}
      {screen === 'project' && <ProjectDashboard />}
    </div>
  );
}
