import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

/**
 * What runs in processes and threads of its own: the app's background entries, and the test
 * helper that plays a whole app for the crash tests. Each starts hundreds of times in a run.
 */
const ENTRIES = {
  'index-worker': 'electron/services/library/index-worker.ts',
  'structure-worker': 'electron/services/models/gguf/structure-worker.ts',
  'integrity-worker': 'electron/services/store/integrity-worker.ts',
  'probe-worker': 'electron/services/models/probe/probe-worker.ts',
  'index-child': 'test/helpers/index-child.ts',
  'hold-child': 'test/helpers/hold-child.ts',
};

/**
 * Vitest global setup: bundles each background entry once with esbuild (packages stay external,
 * as in the app's own build), so a child process or worker thread starts from JavaScript instead
 * of compiling its TypeScript through tsx every time (`HEARTH_ENTRY_DIR`, see entry-path.ts).
 */
export default async function setup(project: TestProject): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const outdir = project.config.env['HEARTH_ENTRY_DIR'];
  if (!outdir) throw new Error('The project that builds the entries must set HEARTH_ENTRY_DIR in its env.');
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, resolve(root, path)])),
    outdir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  });
}
