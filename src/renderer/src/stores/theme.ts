import { create } from 'zustand';
import type { Theme } from '../../../shared/preferences';
import { call, errorMessage } from '../api/client';

interface ThemeState {
  theme: Theme;
  error: string | null;
  /** Reads the remembered theme (kept in the user-data folder, so browser mode remembers it across ports too). */
  load(): Promise<void>;
  choose(theme: Theme): Promise<void>;
}

/** Light, dark or the system's: set on the root element, where the CSS's color-scheme picks the colours. */
export const useThemeStore = create<ThemeState>()((set) => {
  function apply(theme: Theme): void {
    if (theme === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = theme;
    set({ theme });
  }
  return {
    theme: 'system',
    error: null,
    load: async () => {
      try {
        apply((await call('prefs:get', {})).theme);
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    choose: async (theme) => {
      // Shown at once; remembered when the answer comes.
      apply(theme);
      try {
        await call('prefs:set', { theme });
        set({ error: null });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
  };
});
