/**
 * `npm run bench -- formats [--corpus DIR] [--files N] [--ocr]`
 *
 * The library on a multi-format folder, through the `hearth` command as a user runs it (bundled,
 * as it ships): `hearth
 * index` once (timed), then again with nothing changed (timed, and how many files were read
 * again), then `hearth library status --json --slowest 10`. Then every indexed text is judged by
 * an outside judge (judge-text.ts): replacement and control characters, mojibake, tags, base64
 * and quoted-printable. Prints, per type: files, indexed, skipped by reason, garbage and
 * markup-laden texts; the rescan's share of the first run's time; the slowest files.
 *
 * Without --corpus the folder is built: the committed corpus (test/fixtures/corpus) and the
 * generated sample of every class of file (test/helpers/format-samples.ts), copied until it holds
 * --files files (1,000 by default). OCR is off unless --ocr. Prints numbers; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { formatDuration, formatSlowDocument } from '../../electron/ipc/format';
import { indexCollection } from '../../electron/services/library/indexer';
import { addSource, createCollection } from '../../electron/services/library/collection-writes';
import { stopOcr } from '../../electron/services/library/parsers/ocr';
import { openStore } from '../../electron/services/store/store';
import { CORPUS } from '../helpers/corpus';
import { formatSamples } from '../helpers/format-samples';
import { judgeText } from './judge-text';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, files: { type: 'string', default: '1000' }, ocr: { type: 'boolean' } },
});
const work = mkdtempSync(join(tmpdir(), 'hearth-formats-'));
// The command and its indexing process as they ship: bundled, not compiled by tsx on each start
// (which alone takes over a second a process, and would be most of a rescan's time).
// Inside the project, so the bundles' packages resolve from its node_modules.
const bundles = resolve('node_modules/.cache/hearth-bench/bundles');
await build({
  entryPoints: {
    hearth: 'electron/cli/main.ts',
    'index-worker': 'electron/services/library/index-worker.ts',
  },
  outdir: bundles,
  bundle: true,
  // As the app's build does (rollup chunks): parsers load when a file needs them.
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  logLevel: 'warning',
});
const folder = values.corpus ? resolve(values.corpus) : buildFolder(join(work, 'folder'), Number(values.files));
const dataDir = join(work, 'data');

// The settings a fresh install has, but for OCR, which this run leaves off unless asked.
const env = { ...process.env, HEARTH_MAX_THREADS: '2', HEARTH_ENTRY_DIR: bundles };
if (!values.ocr) {
  mkdirSync(dataDir, { recursive: true });
  hearth(['library', 'status', '--data-dir', dataDir]);
  const db = new Database(join(dataDir, 'hearth.db'));
  db.prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('ocrEnabled', 'false', ?)`).run(
    Date.now(),
  );
  db.close();
}

const first = timed(() => hearth(['index', folder, '--data-dir', dataDir, '--collection', 'formats', '--json']));
const before = readTimes();
const again = timed(() => hearth(['index', folder, '--data-dir', dataDir, '--collection', 'formats', '--json']));
const after = readTimes();
const reread = [...after].filter(([path, at]) => before.get(path) !== at).length;
const status = JSON.parse(hearth(['library', 'status', '--data-dir', dataDir, '--json', '--slowest', '10'])) as {
  collections: Array<{
    slowest: Array<{
      path: string;
      type: string;
      readMs: number;
      cost: { read: number; parse: number; chunk: number };
    }>;
  }>;
};

// The same two runs in this process, through the indexer the app's indexing process runs: the
// library's own work, without the start-up of the command and of its indexing process.
const store = openStore({ dataDir: join(work, 'in-process') });
const collection = createCollection(store.library, 'formats');
addSource(store.library, collection, { root: folder });
const ocr = { enabled: Boolean(values.ocr), maxPages: 20 };
let readAgain = 0;
const firstInProcess = await timedAsync(() => indexCollection(store.library, collection, { extract: { ocr } }));
const againInProcess = await timedAsync(() =>
  indexCollection(store.library, collection, { extract: { ocr }, onDocument: () => readAgain++ }),
);
await stopOcr();
store.close();

const library = new Database(join(dataDir, 'library.db'), { readonly: true });
const documents = library
  .prepare('SELECT id, path, type, status, skip_reason FROM documents ORDER BY path')
  .all() as Array<{ id: number; path: string; type: string; status: string; skip_reason: string | null }>;
const chunksOf = library.prepare('SELECT text FROM chunks WHERE document_id = ? ORDER BY ordinal').pluck();
const AS_IS = new Set(['markdown', 'text', 'code', 'notebook']);

interface Row {
  files: number;
  indexed: number;
  skipped: Record<string, number>;
  garbage: number;
  markup: number;
}
const byType = new Map<string, Row>();
const flagged: string[] = [];
for (const document of documents) {
  const row = byType.get(document.type) ?? { files: 0, indexed: 0, skipped: {}, garbage: 0, markup: 0 };
  byType.set(document.type, row);
  row.files++;
  if (document.status !== 'indexed') {
    const reason = document.skip_reason ?? document.status;
    row.skipped[reason] = (row.skipped[reason] ?? 0) + 1;
    continue;
  }
  row.indexed++;
  const verdict = judgeText((chunksOf.all(document.id) as string[]).join('\n'), AS_IS.has(document.type));
  if (verdict.garbage) row.garbage++;
  if (verdict.markupLaden) row.markup++;
  if (verdict.garbage || verdict.markupLaden) {
    flagged.push(
      `${relative(folder, document.path)} (${document.type}): bad ${pct(verdict.bad)}, mojibake ${pct(verdict.mojibake)}, markup ${pct(verdict.markup)}, base64 ${pct(verdict.base64)}, QP ${pct(verdict.quotedPrintable)}`,
    );
  }
}

console.log(`folder: ${folder} (${documents.length} files)`);
console.log('type               files  indexed  garbage  markup  skipped (by reason)');
const totals = { files: 0, indexed: 0, garbage: 0, markup: 0 };
for (const [type, row] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
  totals.files += row.files;
  totals.indexed += row.indexed;
  totals.garbage += row.garbage;
  totals.markup += row.markup;
  const skipped = Object.entries(row.skipped)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  console.log(
    `${type.padEnd(18)}${String(row.files).padStart(6)}${String(row.indexed).padStart(9)}${String(row.garbage).padStart(9)}${String(row.markup).padStart(8)}  ${skipped}`,
  );
}
console.log(
  `${'all'.padEnd(18)}${String(totals.files).padStart(6)}${String(totals.indexed).padStart(9)}${String(totals.garbage).padStart(9)}${String(totals.markup).padStart(8)}`,
);
console.log(flagged.length ? `flagged by the judge:\n  ${flagged.join('\n  ')}` : 'flagged by the judge: none');
console.log(`hearth index, first run: ${formatDuration(first)}`);
console.log(
  `hearth index, unchanged rescan: ${formatDuration(again)} (${pct(again / first)} of the first run), ${reread} files read again`,
);
console.log(
  `in process, first run ${formatDuration(firstInProcess)}; unchanged rescan ${formatDuration(againInProcess)} (${pct(againInProcess / firstInProcess)} of the first run), ${readAgain} files read again`,
);
console.log(`slowest files:\n  ${(status.collections[0]?.slowest ?? []).map(formatSlowDocument).join('\n  ')}`);
library.close();
rmSync(work, { recursive: true, force: true });

function hearth(args: string[]): string {
  const run = spawnSync(process.execPath, [join(bundles, 'hearth.js'), ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1e9,
  });
  if (run.status !== 0) throw new Error(`hearth ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

async function timedAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** When each file was last judged (indexed or skipped): a file read again gets a new time. */
function readTimes(): Map<string, number | null> {
  const db = new Database(join(dataDir, 'library.db'), { readonly: true });
  const rows = db.prepare('SELECT path, indexed_at FROM documents').all() as Array<{
    path: string;
    indexed_at: number | null;
  }>;
  db.close();
  return new Map(rows.map((row) => [row.path, row.indexed_at]));
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** The committed corpus and the generated samples, copied over until there are `count` files. */
function buildFolder(target: string, count: number): string {
  const sources = listFiles(CORPUS).filter((path) => !/[/\\]tldr[/\\]/.test(path));
  const tldr = listFiles(join(CORPUS, 'tldr'));
  const samples = formatSamples();
  let files = 0;
  for (let copy = 0; files < count; copy++) {
    const into = join(target, `copy-${copy}`);
    for (const sample of samples) {
      if (files >= count) break;
      mkdirSync(dirname(join(into, sample.name)), { recursive: true });
      writeFileSync(join(into, sample.name), sample.bytes);
      files++;
    }
    for (const path of [...sources, ...tldr.slice(copy * 40, copy * 40 + 40)]) {
      if (files >= count) break;
      cpSync(path, join(into, 'corpus', relative(CORPUS, path)));
      files++;
    }
  }
  return target;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
