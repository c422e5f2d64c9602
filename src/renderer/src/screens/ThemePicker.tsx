import { THEMES, type Theme } from '../../../shared/preferences';
import { useThemeStore } from '../stores/theme';
import { ChoiceSelect } from './ChoiceSelect';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const THEME_OPTIONS = THEMES.map((value) => ({ value, label: LABELS[value] }));

/** Light, dark or as the system says; remembered on this computer. */
export function ThemePicker() {
  const theme = useThemeStore((state) => state.theme);
  const choose = useThemeStore((state) => state.choose);
  return (
    <label className="theme-picker">
      Theme
      <ChoiceSelect options={THEME_OPTIONS} value={theme} onChange={(value) => void choose(value)} />
    </label>
  );
}
