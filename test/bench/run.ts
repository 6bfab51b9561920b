/**
 * `npm run bench [-- shape ...] [--threads N] [--prompt N] [--generate N]`
 *
 * Generates realistic-shape GGUF models (random weights, real cost per token), then measures on
 * this machine: GGUF validation time, load time, and for 1..N threads prompt processing and
 * generation tokens per second, time to first token and peak memory. Prints numbers; asserts
 * nothing. Compare ratios within one run: absolute times on shared machines are noisy.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
import { benchmarkModel, recommendThreads } from '../../electron/services/models/benchmark';
import { inspectGguf } from '../../electron/services/models/gguf/inspect';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { SHAPES, type ShapeName } from '../../native-models/fixtures/shapes';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    threads: { type: 'string', default: String(availableParallelism()) },
    prompt: { type: 'string', default: '128' },
    generate: { type: 'string', default: '32' },
  },
});
const shapes = (positionals.length ? positionals : ['llama-1b-q4_0']) as ShapeName[];
for (const shape of shapes) {
  if (!(shape in SHAPES)) throw new Error(`Unknown shape ${shape}. Known: ${Object.keys(SHAPES).join(', ')}`);
}
const maxThreads = Number(values.threads);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const llama = await getLlama({
  gpu: 'auto',
  build: 'never',
  maxThreads,
  logLevel: LlamaLogLevel.error,
  progressLogs: false,
});
console.log(`backend: ${llama.gpu || 'cpu'}, ${availableParallelism()} cores, threads 1..${maxThreads}`);

for (const shape of shapes) {
  let started = performance.now();
  const path = fixtureModel(shape);
  console.log(`\n## ${shape}\nfixture ready in ${seconds(performance.now() - started)}: ${path}`);

  started = performance.now();
  const inspected = await inspectGguf(path);
  const { metadata } = inspected;
  console.log(
    `validate + inspect: ${seconds(performance.now() - started)} (${(metadata.parameterCount / 1e9).toFixed(2)}B params, ${metadata.quantization}, ${(metadata.fileSize / 1e9).toFixed(2)} GB)`,
  );

  started = performance.now();
  const model = await llama.loadModel({ modelPath: path });
  console.log(`load: ${seconds(performance.now() - started)}`);

  const runs = await benchmarkModel(model, {
    threads: Array.from({ length: maxThreads }, (_, i) => i + 1),
    promptTokens: Number(values.prompt),
    generateTokens: Number(values.generate),
  });
  console.log('threads | prompt tok/s | generation tok/s | first token | peak RSS');
  for (const run of runs) {
    console.log(
      `${String(run.threads).padStart(7)} | ${run.promptTokensPerSecond.toFixed(1).padStart(12)} | ${run.generationTokensPerSecond
        .toFixed(2)
        .padStart(
          16,
        )} | ${run.timeToFirstTokenMs.toFixed(0).padStart(8)} ms | ${(run.peakMemoryBytes / 1024 ** 2).toFixed(0)} MB`,
    );
  }
  const best = recommendThreads(runs);
  const one = runs[0]!;
  const top = runs.find((run) => run.threads === best)!;
  console.log(
    `recommended threads: ${best} (generation ${(top.generationTokensPerSecond / one.generationTokensPerSecond).toFixed(2)}× one thread)`,
  );
  await model.dispose();
}
await llama.dispose();
