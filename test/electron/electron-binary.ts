import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const electronDir = resolve(import.meta.dirname, '../../node_modules/electron');

/**
 * The Electron executable if `npm install` managed to download it, else `null`. Deliberately not
 * `require('electron')`: that starts a download when the binary is missing, which fails offline.
 */
export function installedElectronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
