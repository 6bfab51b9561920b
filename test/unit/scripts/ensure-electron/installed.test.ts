import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedElectronBinary } from '../../../../scripts/ensure-electron/installed';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir('hearth-electron-pkg-');

/** A stand-in `node_modules/electron` folder, with the files Electron's installer writes. */
function electronDir(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('installedElectronBinary', () => {
  it('finds the executable that path.txt names when dist/ holds the same version', () => {
    const dir = electronDir({ 'path.txt': 'electron', 'dist/version': 'v45.5.0', 'dist/electron': '' });
    expect(installedElectronBinary({ dir, version: '45.5.0' }, {})).toBe(join(dir, 'dist/electron'));
  });

  it.each([
    ['nothing installed', {}],
    ['no path.txt (what electron-vite calls "Electron uninstall")', { 'dist/version': '45.5.0', 'dist/electron': '' }],
    ['an older Electron left in dist/', { 'path.txt': 'electron', 'dist/version': '42.11.18', 'dist/electron': '' }],
    ['path.txt naming a missing executable', { 'path.txt': 'electron', 'dist/version': '45.5.0' }],
  ])('is null with %s', (_case, files) => {
    expect(installedElectronBinary({ dir: electronDir(files), version: '45.5.0' }, {})).toBeNull();
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH instead of dist/ when it is set', () => {
    const dir = electronDir({ 'path.txt': 'electron', 'dist/version': '45.5.0', 'dist/electron': '' });
    expect(installedElectronBinary({ dir, version: '45.5.0' }, { ELECTRON_OVERRIDE_DIST_PATH: tempDir() })).toBeNull();
  });

  it('takes ELECTRON_EXEC_PATH (what electron-vite runs) when it exists', () => {
    const dir = electronDir({ 'my-electron': '' });
    const execPath = join(dir, 'my-electron');
    expect(installedElectronBinary({ dir, version: '45.5.0' }, { ELECTRON_EXEC_PATH: execPath })).toBe(execPath);
    expect(installedElectronBinary({ dir, version: '45.5.0' }, { ELECTRON_EXEC_PATH: `${execPath}-gone` })).toBeNull();
  });
});
