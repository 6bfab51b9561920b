import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders the CLI bundle is built from, and the catalog it includes. */
export const SOURCE_DIRS = ['electron/cli', 'electron/ipc', 'electron/services', 'native-models/catalog.json'];

/** The newest modification time (ms) of the CLI's sources under `root`. */
export function newestSource(root) {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of SOURCE_DIRS) visit(join(root, dir));
  return newest;
}

/**
 * Whether `root`'s CLI bundle (out/cli/) may run: it exists, was built from sources no older than
 * the ones there now, and HEARTH_CLI_FROM_SOURCE does not ask for the TypeScript instead.
 */
export function bundleIsCurrent(root, env = process.env) {
  if (env.HEARTH_CLI_FROM_SOURCE) return false;
  const stamp = statSync(join(root, 'out/cli/built.json'), { throwIfNoEntry: false });
  if (!stamp) return false;
  const built = JSON.parse(readFileSync(join(root, 'out/cli/built.json'), 'utf8'));
  return typeof built.newestSource === 'number' && built.newestSource >= newestSource(root);
}
