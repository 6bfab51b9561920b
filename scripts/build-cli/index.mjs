// Builds the `hearth` command from its TypeScript into out/cli/ (run by `npm install` / `npm ci`
// through `prepare`, and by `npm run build:cli`): bin/hearth.mjs then starts in plain Node instead
// of compiling with tsx on every run. Packages stay outside the bundle (they load from
// node_modules as they are), and each command's code is its own chunk, loaded when it runs.
import { build } from 'esbuild';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleIsCurrent, newestSource, SOURCE_DIRS } from './sources.mjs';

const root = resolve(import.meta.dirname, '../..');
const outdir = join(root, 'out/cli');
// The background entries the services start in their own thread or process (workers/entry-path.ts
// finds `<name>.js` beside the code that starts them).
const entries = {
  main: 'electron/cli/main.ts',
  'index-worker': 'electron/services/library/index-worker.ts',
  'structure-worker': 'electron/services/models/gguf/structure-worker.ts',
  'integrity-worker': 'electron/services/store/integrity-worker.ts',
  'probe-worker': 'electron/services/models/probe/probe-worker.ts',
};

// A bundle built from the sources there now is left alone: a `hearth` already running from it
// loads its chunks as it goes, and parallel callers (the test suite) must not pull it away.
if (bundleIsCurrent(root, {}) && !process.argv.includes('--force')) {
  process.stdout.write('hearth CLI in out/cli is current.\n');
  process.exit(0);
}

const started = Date.now();
// Built beside, then swapped in: out/cli is never half-written.
const staging = `${outdir}.${process.pid}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(root, path)])),
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  // Flat, so code in a chunk finds the background entries beside it.
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
});
// What bin/hearth.mjs compares with the sources, to never run a bundle older than them.
writeFileSync(join(staging, 'built.json'), `${JSON.stringify({ newestSource: newestSource(root) })}\n`);
const old = `${outdir}.old.${process.pid}`;
if (existsSync(outdir)) renameSync(outdir, old);
renameSync(staging, outdir);
rmSync(old, { recursive: true, force: true });
process.stdout.write(`hearth CLI built into out/cli in ${Date.now() - started} ms (from ${SOURCE_DIRS.join(', ')}).\n`);
