import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Where and how big the window was, and whether it filled the screen. */
export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size a first start opens at, centred by Electron. */
export const DEFAULT_SIZE = { width: 1200, height: 800 };
/** How much of the window must be on a screen for its place to be kept (title bar reachable). */
const MIN_VISIBLE = 120;

/** The saved state, or `null` when there is none or it is not one (a hand-edited or torn file). */
export function readWindowState(path: string): WindowState | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const numbers = ['x', 'y', 'width', 'height'].map((key) => value[key]);
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    const [x, y, width, height] = numbers as number[];
    if (width! < 100 || height! < 100) return null;
    return { x: x!, y: y!, width: width!, height: height!, maximized: value['maximized'] === true };
  } catch {
    return null;
  }
}

/** Saves the state whole or not at all: a crash mid-write leaves the previous file. */
export function writeWindowState(path: string, state: WindowState): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}

/**
 * Where to open: the saved place if enough of it is on one of today's screens (a monitor may have
 * been unplugged since), else the saved size, no larger than the biggest screen, placed by the
 * system. `null` when nothing was saved.
 */
export function placeWindow(saved: WindowState | null, screens: readonly Rectangle[]): Partial<WindowState> | null {
  if (!saved) return null;
  const visible = screens.some((screen) => {
    const width = Math.min(saved.x + saved.width, screen.x + screen.width) - Math.max(saved.x, screen.x);
    const height = Math.min(saved.y + saved.height, screen.y + screen.height) - Math.max(saved.y, screen.y);
    return width >= MIN_VISIBLE && height >= Math.min(MIN_VISIBLE, saved.height) && saved.y >= screen.y - 8;
  });
  if (visible) return saved;
  const widest = Math.max(...screens.map((screen) => screen.width), DEFAULT_SIZE.width);
  const tallest = Math.max(...screens.map((screen) => screen.height), DEFAULT_SIZE.height);
  return { width: Math.min(saved.width, widest), height: Math.min(saved.height, tallest), maximized: saved.maximized };
}
