import { useSyncExternalStore } from 'react';
import { useThemeStore } from '../../stores/theme';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Whether the page is dark (chosen, or the system's): the chart's SVG text cannot read the CSS variables. */
export function useDarkTheme(): boolean {
  const theme = useThemeStore((state) => state.theme);
  const systemDark = useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
  return theme === 'system' ? systemDark : theme === 'dark';
}
