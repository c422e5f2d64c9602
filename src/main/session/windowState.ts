import type { WindowState } from '../../shared/preferences';

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW = { width: 1280, height: 800 } as const;
/** How much of a remembered window must still be on a screen to put it back where it was. */
const VISIBLE_PART = 100;

/**
 * Where to open the window, given where it was and the screens there are now: the remembered size, shrunk to fit
 * the largest screen, and the remembered place only if enough of the window would be visible on some screen (a
 * laptop unplugged from its monitor must not open its window off screen).
 */
export function windowBounds(
  saved: WindowState | null,
  screens: readonly Area[],
): Partial<Area> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_WINDOW };
  const widest = Math.max(...screens.map((screen) => screen.width), DEFAULT_WINDOW.width);
  const tallest = Math.max(...screens.map((screen) => screen.height), DEFAULT_WINDOW.height);
  const width = Math.min(saved.width, widest);
  const height = Math.min(saved.height, tallest);
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const placed = { x: saved.x, y: saved.y, width, height };
  return screens.some((screen) => showsEnough(placed, screen)) ? placed : { width, height };
}

/** Whether a window shows at least VISIBLE_PART pixels each way on a screen: enough to grab and drag it back. */
function showsEnough(window: Area, screen: Area): boolean {
  const wide = Math.min(window.x + window.width, screen.x + screen.width) - Math.max(window.x, screen.x);
  const tall = Math.min(window.y + window.height, screen.y + screen.height) - Math.max(window.y, screen.y);
  return wide >= VISIBLE_PART && tall >= VISIBLE_PART;
}
