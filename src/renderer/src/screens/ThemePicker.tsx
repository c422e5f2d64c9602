import { THEMES, type Theme } from '../../../shared/preferences';
import { useThemeStore } from '../stores/theme';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark or as the system says; remembered on this computer. */
export function ThemePicker() {
  const theme = useThemeStore((state) => state.theme);
  const choose = useThemeStore((state) => state.choose);
  return (
    <label className="theme-picker">
      Theme
      <select value={theme} onChange={(event) => void choose(event.target.value as Theme)}>
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
