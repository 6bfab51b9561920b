import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The `electron` npm package this project resolves, with the facts its installer works from. */
export interface ElectronPackage {
  /** The package folder (`node_modules/electron`). */
  dir: string;
  /** The Electron version the lockfile pins, e.g. `45.5.0`. */
  version: string;
}

const requireHere = createRequire(import.meta.url);

/** Resolves `electron` from `fromDir` (default: this checkout) without running its `index.js`. */
export function electronPackage(fromDir?: string): ElectronPackage {
  const resolveFrom = fromDir ? createRequire(join(fromDir, 'noop.js')) : requireHere;
  const manifest = resolveFrom.resolve('electron/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: dirname(manifest), version };
}

/**
 * The Electron executable if it is installed and matches the package version, else `null`.
 *
 * Deliberately not `require('electron')`: that starts a download when the binary is missing. The
 * checks mirror Electron's own installer (`install.js`): `dist/version` must match, `path.txt` names
 * the executable, and `ELECTRON_OVERRIDE_DIST_PATH` replaces `dist/` when set. electron-vite honours
 * `ELECTRON_EXEC_PATH`, so an executable named there counts as installed too.
 */
export function installedElectronBinary(
  electron: ElectronPackage = electronPackage(),
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const execPath = env['ELECTRON_EXEC_PATH'];
  if (execPath) return existsSync(execPath) ? execPath : null;
  const read = (name: string) => {
    try {
      return readFileSync(join(electron.dir, name), 'utf8').trim();
    } catch {
      return null;
    }
  };
  const executable = read('path.txt');
  if (!executable || read('dist/version')?.replace(/^v/, '') !== electron.version) return null;
  const binary = join(env['ELECTRON_OVERRIDE_DIST_PATH'] || join(electron.dir, 'dist'), executable);
  return existsSync(binary) ? binary : null;
}
