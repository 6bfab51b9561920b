/**
 * `npm run bench -- all [--quick] [--out FILE] [--render RUN]`
 *
 * Every benchmark, one after another, each in a process of its own (as `npm run bench -- <name>`
 * runs it), with what it printed kept. Without `--quick` the figures go into BENCHMARKS.md (or
 * `--out`) beside this machine's measured profile, and the run itself (every output, the
 * machine) into test-results/bench-all.json; `--render RUN` writes the page again from such a
 * file without running anything, so a change of the page's text keeps one run's figures.
 * `--quick` runs each on tiny inputs instead, as a smoke test inside `npm test`
 * (test/integration/bench/): every benchmark still runs and prints its figures, so none rots
 * between full runs; no file is written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureMachine } from '../../electron/services/machine/machine-service';
import { LlamaRuntime } from '../../electron/services/llama/runtime';
import { BENCHES, runBench } from './suite';

/** One full run: what every benchmark printed, and the machine it ran on. */
export interface BenchRun {
  date: string;
  /** How long the benchmarks took, all together. */
  seconds: number;
  machine: { cpuModel: string; physicalCores: number; logicalCores: number; totalMemory: number; bandwidth: number };
  outputs: Array<{ name: string; args: string[]; output: string }>;
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'BENCHMARKS.md' },
    render: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '../..');
const saved = join(root, 'test-results/bench-all.json');

let run: BenchRun;
if (values.render) run = JSON.parse(readFileSync(values.render, 'utf8')) as BenchRun;
else {
  const outputs: BenchRun['outputs'] = [];
  const started = performance.now();
  for (const bench of BENCHES) {
    console.log(`== ${bench.name}`);
    const output = runBench(bench, values.quick);
    console.log(output);
    outputs.push({ name: bench.name, args: values.quick ? bench.quick : bench.full, output });
  }
  const seconds = (performance.now() - started) / 1000;
  if (values.quick) process.exit(0);
  const runtime = new LlamaRuntime({ maxThreads: availableParallelism() });
  const machine = await measureMachine(runtime);
  await runtime.dispose();
  run = {
    date: new Date().toISOString().slice(0, 10),
    seconds,
    machine: {
      cpuModel: machine.cpuModel || cpus()[0]?.model || 'unknown CPU',
      physicalCores: machine.physicalCores,
      logicalCores: machine.logicalCores,
      totalMemory: totalmem(),
      bandwidth: machine.memoryBandwidth,
    },
    outputs,
  };
  mkdirSync(dirname(saved), { recursive: true });
  writeFileSync(saved, JSON.stringify(run, null, 2));
  console.log(`kept the run in ${saved}`);
}
// Loaded here, after the run: the page's text can change while a run is under way.
const { renderReport } = await import('./report');
// Formatted as the repository's Markdown is (\`npm run format:check\` reads it too).
const prettier = await import('prettier');
const page = resolve(root, values.out);
const options = await prettier.resolveConfig(page);
writeFileSync(page, await prettier.format(renderReport(run), { ...options, filepath: page }));
console.log(`wrote ${values.out}`);
