/**
 * `npm run bench -- scale [--files N] [--model SHAPE]`
 *
 * Hearth at size, on this machine:
 * 1. indexing a generated tree of N Markdown pages (default 100,000; test/helpers/generated-pages.ts):
 *    files/s, and the peak resident memory of the main process and of the indexing process
 *    (sampled every 100 ms from /proc on Linux);
 * 2. the resident memory of the services idle on that library, and with a chat model loaded
 *    (default `llama-1b-q4_0`, a 1B shape), against Node's own before the services start.
 * Prints numbers; asserts nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes } from '../../electron/ipc/format';
import { fixtureModel } from '../../native-models/fixtures/generate';
import type { ShapeName } from '../../native-models/fixtures/shapes';
import { writeGeneratedPages } from '../helpers/generated-pages';
import { benchServices } from './bench-services';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '100000' }, model: { type: 'string', default: 'llama-1b-q4_0' } },
});
const files = Number(values.files);
const baseline = process.memoryUsage.rss();

/** Resident bytes of this process's children, from /proc (Linux); `null` elsewhere. */
function childrenRss(): number | null {
  if (process.platform !== 'linux') return null;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== process.pid) continue;
      total += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // Gone between the listing and the read.
    }
  }
  return total;
}

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-scale-'));
const bench = benchServices('scale', 2);
const servicesStarted = process.memoryUsage.rss();
try {
  const folder = join(dir, 'pages');
  let started = performance.now();
  writeGeneratedPages(folder, { count: files });
  console.log(
    `generated ${files.toLocaleString('en')} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const { services } = bench;
  const collection = services.library.createCollection('Pages');
  services.library.addFolder(collection.id, folder);
  let peakMain = 0;
  let peakChild = 0;
  const sampler = setInterval(() => {
    peakMain = Math.max(peakMain, process.memoryUsage.rss());
    peakChild = Math.max(peakChild, childrenRss() ?? 0);
  }, 100);
  started = performance.now();
  const report = await services.library.index(collection.id);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  console.log(
    `indexed ${report.indexed.toLocaleString('en')} of ${report.discovered.toLocaleString('en')} pages (${report.chunks.toLocaleString('en')} passages) in ${seconds.toFixed(1)} s: ` +
      `${(report.indexed / seconds).toFixed(0)} files/s; peak RSS main ${formatBytes(peakMain)}, indexing process ${process.platform === 'linux' ? formatBytes(peakChild) : 'n/a (Linux only)'}`,
  );

  const model = await services.models.import(fixtureModel(values.model as ShapeName), 'reference');
  await services.models.setSettings(model.id, { threads: 2 });
  const before = process.memoryUsage.rss();
  await services.models.load(model.id);
  const loaded = process.memoryUsage.rss();
  console.log(
    `resident memory: Node alone ${formatBytes(baseline)}; services started ${formatBytes(servicesStarted)}; ` +
      `idle after indexing ${formatBytes(before)} (this process also generated the pages); with ${values.model} loaded ${formatBytes(loaded)} ` +
      `(+${formatBytes(loaded - before)}, file ${formatBytes(model.metadata.fileSize)})`,
  );
} finally {
  await bench.dispose();
  rmSync(dir, { recursive: true, force: true });
}
