import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeWindow, readWindowState, writeWindowState } from '../../../electron/main/window-state';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('is read back as written, and a torn or hand-edited file counts as none', () => {
    const path = join(tempDir(), 'window-state.json');
    expect(readWindowState(path)).toBeNull();
    writeWindowState(path, { x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(readWindowState(path)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    for (const bad of [
      '{"x":1',
      '{"x":"1","y":0,"width":900,"height":700}',
      '{"x":0,"y":0,"width":5,"height":5}',
      'null',
    ]) {
      writeFileSync(path, bad);
      expect(readWindowState(path), bad).toBeNull();
    }
  });

  it('reopens where it was on a screen still there, and on one that is gone keeps only the size', () => {
    const onExternal = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(onExternal, [laptop, external])).toEqual(onExternal);
    // The external monitor was unplugged: not off-screen, the system places it, no larger than the screen.
    expect(placeWindow(onExternal, [laptop])).toEqual({ width: 1440, height: 900, maximized: false });
    // A title bar above every screen cannot be grabbed.
    expect(placeWindow({ x: 100, y: -500, width: 800, height: 600, maximized: true }, [laptop])).toEqual({
      width: 800,
      height: 600,
      maximized: true,
    });
    expect(placeWindow(null, [laptop])).toBeNull();
  });
});
