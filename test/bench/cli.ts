/**
 * `npm run bench -- cli [--docs N] [--runs R]`
 *
 * How long a `hearth` command takes to start, as a user runs it from a checkout: the bundle
 * `npm install` builds (out/cli/) against the TypeScript through tsx (HEARTH_CLI_FROM_SOURCE=1),
 * for `hearth --help` and a keyword search on a library of N generated pages (default 10,000).
 * Each figure is the median of R interleaved pairs (default 5, pairs.ts), with its spread. Asserts
 * nothing: read the ratio, and the absolute times as this machine's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServices } from '../helpers/services';
import { writeGeneratedPages } from '../helpers/generated-pages';
import { describeMs, describeRatio, interleaved } from './pairs';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } },
});
const docs = Number(values.docs);
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '../..');

/** Wall time of one `hearth` process, in ms; fails loudly if the command failed. */
function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/hearth.mjs', ...args], {
    cwd: root,
    env: { ...process.env, HEARTH_MAX_THREADS: '1', ...env },
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`hearth ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Median and spread of bundle and source, interleaved, and their ratio. */
async function compare(label: string, args: string[]): Promise<void> {
  const pairs = await interleaved(
    runs,
    async () => timed(args, { HEARTH_CLI_FROM_SOURCE: '1' }),
    async () => timed(args, {}),
  );
  console.log(
    `${label}: bundle ${describeMs(pairs.b)}, tsx ${describeMs(pairs.a)}; tsx ÷ bundle ${describeRatio(pairs.ratios)}`,
  );
}

const built = spawnSync(process.execPath, ['scripts/build-cli/index.mjs'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-cli-'));
try {
  const folder = join(dir, 'pages');
  const dataDir = join(dir, 'data');
  const pages = writeGeneratedPages(folder, { count: docs });
  const { services } = startServices(dataDir);
  const collection = services.library.createCollection('Pages');
  services.library.addFolder(collection.id, folder);
  const started = performance.now();
  const report = await services.library.index(collection.id);
  console.log(
    `library: ${report.indexed} pages, ${report.chunks} passages, indexed in ${Math.round(performance.now() - started)} ms`,
  );
  await services.dispose();

  await compare('hearth --help', ['--help']);
  await compare(`hearth search (keyword, ${docs} pages)`, [
    'search',
    pages.marker.words.join(' '),
    '--mode',
    'keyword',
    '--limit',
    '5',
    '--data-dir',
    dataDir,
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
