import { mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usage';

/**
 * The folder the desktop app keeps its data in (Electron's `userData` for an app named `hearth`),
 * so the CLI works on the same library by default. `HEARTH_DATA_DIR` moves both.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['HEARTH_DATA_DIR']) return env['HEARTH_DATA_DIR'];
  return platformDataDir(env, platform);
}

function platformDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'hearth');
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'hearth');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'hearth');
}

/**
 * The data folder a command works on, as the user gave it (`--data-dir`, else `HEARTH_DATA_DIR`,
 * else the app's own). A folder that is not there is created only at the app's own place or with
 * `--init`: a mistyped `--data-dir` must not start a new, empty library that looks like the user's
 * lost everything. A file where the folder should be is refused, by name.
 */
export function dataDirFor(options: { given: string | undefined; init: boolean; env: NodeJS.ProcessEnv }): string {
  const path = resolve(options.given ?? defaultDataDir(options.env));
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats && !stats.isDirectory()) throw new UsageError(`The data folder ${path} is a file, not a folder.`);
  if (stats) return path;
  const isAppsOwn = options.given === undefined && !options.env['HEARTH_DATA_DIR'];
  if (!isAppsOwn && !options.init) {
    throw new UsageError(
      `The data folder ${path} does not exist. Check the path, or add --init to start a new library there.`,
    );
  }
  createFolder(path);
  return path;
}

/**
 * Creates `path` and any missing parents one level at a time. Node's recursive mkdir retries
 * forever on a pseudo-filesystem that says ENOENT for a folder it will never let exist
 * (`/proc/nope` spun at 100 % CPU, deaf to signals); this stops at the first refusal and says why.
 */
export function createFolder(path: string): void {
  const missing: string[] = [];
  for (let at = path; !statSync(at, { throwIfNoEntry: false }); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new UsageError(
        `The data folder ${path} cannot be created${code === 'EACCES' || code === 'EPERM' ? ': permission denied' : code === 'EROFS' ? ': the disk is read-only' : ' there'}.`,
      );
    }
  }
}
