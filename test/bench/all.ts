/**
 * `npm run bench -- all [--quick] [--out FILE]`
 *
 * Every benchmark, one after another, each in a process of its own (as `npm run bench -- <name>`
 * runs it), with what it printed kept. Without `--quick` the figures go into BENCHMARKS.md (or
 * `--out`) beside this machine's measured profile. `--quick` runs each on tiny inputs instead, as a
 * smoke test inside `npm test` (test/integration/bench/): every benchmark still runs and prints
 * its figures, so none rots between full runs; no file is written.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes } from '../../electron/ipc/format';
import { measureMachine } from '../../electron/services/machine/machine-service';
import { LlamaRuntime } from '../../electron/services/llama/runtime';
import { BENCHES, runBench, type Bench } from './suite';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string', default: 'BENCHMARKS.md' } },
});
const root = resolve(import.meta.dirname, '../..');

const outputs: Array<[Bench, string]> = [];
for (const bench of BENCHES) {
  console.log(`== ${bench.name}`);
  const output = runBench(bench, values.quick);
  console.log(output);
  outputs.push([bench, output]);
}
if (!values.quick) {
  const runtime = new LlamaRuntime({ maxThreads: availableParallelism() });
  const machine = await measureMachine(runtime);
  await runtime.dispose();
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench -- all\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '## The machine',
    '',
    `${machine.cpuModel || cpus()[0]?.model}: ${machine.physicalCores} physical cores (${machine.logicalCores} logical), ${formatBytes(totalmem())} of memory, ` +
      `${(machine.memoryBandwidth / 1e9).toFixed(1)} GB/s measured read bandwidth.`,
    '',
    ...outputs.flatMap(([bench, output]) => [
      `## ${bench.name}`,
      '',
      `\`npm run bench -- ${bench.name === 'models' ? '' : bench.name} ${bench.full.join(' ')}\``.replace('  ', ' '),
      '',
      '```',
      output,
      '```',
      '',
    ]),
  ];
  writeFileSync(join(root, values.out), `${lines.join('\n')}\n`);
  console.log(`wrote ${values.out}`);
}
