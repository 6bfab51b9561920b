import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where a background entry's code is: the built `<name>.js` beside the main bundle this file is
 * part of (a build entry, see electron.vite.config.ts), or, when running from source (tests, the
 * CLI from a checkout), `<name>.ts` in `sourceDir`, which needs tsx to load.
 */
export function entryPath(name: string, sourceDir: string): { path: string; fromSource: boolean } {
  const built = join(here, `${name}.js`);
  if (existsSync(built)) return { path: built, fromSource: false };
  return { path: join(sourceDir, `${name}.ts`), fromSource: true };
}
