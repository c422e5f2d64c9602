import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, windowBounds } from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window bounds', () => {
  it('opens at the default size the first time', () => {
    expect(windowBounds(null, [laptop])).toEqual(DEFAULT_WINDOW);
  });

  it('puts the window back where it was when that place is on a screen', () => {
    const saved = { x: 1600, y: 100, width: 1920, height: 1080, maximized: false };
    expect(windowBounds(saved, [laptop, monitor])).toEqual({ x: 1600, y: 100, width: 1920, height: 1080 });
  });

  it('forgets the place, not the size, when its screen is gone, and shrinks to the screens there are', () => {
    const saved = { x: 1600, y: 100, width: 1920, height: 1080, maximized: false };
    expect(windowBounds(saved, [laptop])).toEqual({ width: 1440, height: 900 });
  });

  it('needs more than a sliver on screen to keep the place', () => {
    const saved = { x: 1400, y: 0, width: 1000, height: 700, maximized: false };
    expect(windowBounds(saved, [laptop])).toEqual({ width: 1000, height: 700 });
    expect(windowBounds({ ...saved, x: 1200 }, [laptop])).toEqual({ x: 1200, y: 0, width: 1000, height: 700 });
  });
});
