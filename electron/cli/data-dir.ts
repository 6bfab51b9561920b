import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder the desktop app keeps its data in (Electron's `userData` for an app named `hearth`),
 * so the CLI works on the same library by default. `HEARTH_DATA_DIR` moves both.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['HEARTH_DATA_DIR']) return env['HEARTH_DATA_DIR'];
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'hearth');
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'hearth');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'hearth');
}
