import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where a background entry's code is: the built `<name>.js` beside the main bundle this file is
 * part of (a build entry, see electron.vite.config.ts); else, for a run from source, a prebuilt
 * `<name>.js` in the folder `HEARTH_ENTRY_DIR` names (the test suite bundles each entry once, so
 * hundreds of child processes do not each compile the TypeScript again); else `<name>.ts` in
 * `sourceDir`, which needs tsx to load.
 */
export function entryPath(
  name: string,
  sourceDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { path: string; fromSource: boolean } {
  const built = join(here, `${name}.js`);
  if (existsSync(built)) return { path: built, fromSource: false };
  const prebuilt = env['HEARTH_ENTRY_DIR'] && join(env['HEARTH_ENTRY_DIR'], `${name}.js`);
  if (prebuilt && existsSync(prebuilt)) return { path: prebuilt, fromSource: false };
  return { path: join(sourceDir, `${name}.ts`), fromSource: true };
}
