/**
 * `npm run bench [-- shape ...] [--threads N] [--prompt N] [--generate N]`
 *
 * Measures this machine the way the app does (memory bandwidth, physical cores), generates
 * realistic-shape GGUF models (random weights, real cost per token), then measures: GGUF
 * validation time, load time, and for 1..N threads prompt processing and generation tokens per
 * second, time to first token and peak memory. For each shape it prints the speed the app would
 * predict, the measured speed and their ratio, and then each shape's prediction calibrated by the
 * other shapes' ratios (as the app does after a benchmark). Prints numbers; asserts nothing.
 * Compare ratios within one run: absolute times on shared machines are noisy.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

import { LlamaRuntime } from '../../electron/services/llama/runtime';
import { calibrationFor, type CalibrationSample } from '../../electron/services/machine/calibration';
import { measureBandwidth } from '../../electron/services/machine/bandwidth';
import { measureMachine } from '../../electron/services/machine/machine-service';
import { predictSpeed } from '../../electron/services/machine/speed';
import { benchmarkModel, recommendThreads } from '../../electron/services/models/benchmark';
import { inspectGguf } from '../../electron/services/models/gguf/inspect';
import { validateGguf } from '../../electron/services/models/gguf/gguf-validator';
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
const shapes = (positionals.length ? positionals : ['llama-1b-q4_0', 'llama-3b-q4_0']) as ShapeName[];
for (const shape of shapes) {
  if (!(shape in SHAPES)) throw new Error(`Unknown shape ${shape}. Known: ${Object.keys(SHAPES).join(', ')}`);
}
const maxThreads = Number(values.threads);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const runtime = new LlamaRuntime({ maxThreads });
const llama = await runtime.get();
console.log(`backend: ${llama.gpu || 'cpu'}, ${availableParallelism()} cores, threads 1..${maxThreads}`);
let started = performance.now();
const machine = await measureMachine(runtime);
console.log(
  `machine: ${machine.physicalCores} physical cores, memory read ${(machine.memoryBandwidth / 1e9).toFixed(1)} GB/s (measured in ${seconds(performance.now() - started)})`,
);
const speeds: Array<{ shape: string; quantization: string; predicted: number; measured: number }> = [];

for (const shape of shapes) {
  started = performance.now();
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
  const predicted = predictSpeed(
    { weightsBytes: metadata.fileSize, parameters: metadata.parameterCount, kvBytesPerToken: 0 },
    machine,
  );
  const measuredPrompt = Math.max(...runs.map((run) => run.promptTokensPerSecond));
  // Generating a token reads every weight once, except the token-embedding table (one row), unless
  // the output layer is that same table. So this is the share of the machine's read bandwidth that
  // generation uses, its bound 1; the bandwidth is measured again beside it (best of three: this
  // shared machine's bandwidth moves from minute to minute, and a reading is only ever too low).
  const [structure] = await validateGguf([path]);
  const tied = !structure!.tensors.some((tensor) => tensor.name === 'output.weight');
  const bytesPerToken = structure!.tensors.reduce(
    (sum, tensor) => sum + (tensor.name === 'token_embd.weight' && !tied ? 0 : Number(tensor.size)),
    0,
  );
  let bandwidth = 0;
  for (let reading = 0; reading < 3; reading++) {
    bandwidth = Math.max(bandwidth, await measureBandwidth({ workers: machine.physicalCores }));
  }
  console.log(
    `generation tok/s × bytes per token ÷ measured bandwidth: ${top.generationTokensPerSecond.toFixed(2)} × ${(bytesPerToken / 1e9).toFixed(3)} GB ÷ ${(bandwidth / 1e9).toFixed(1)} GB/s = ${((top.generationTokensPerSecond * bytesPerToken) / bandwidth).toFixed(2)} (bound 1)`,
  );
  console.log(
    `predicted vs measured generation: ${predicted.generationTokensPerSecond.toFixed(2)} vs ${top.generationTokensPerSecond.toFixed(2)} tok/s, ratio ${(top.generationTokensPerSecond / predicted.generationTokensPerSecond).toFixed(2)} (bound by ${predicted.boundBy})`,
  );
  console.log(
    `predicted vs measured prompt: ${predicted.promptTokensPerSecond.toFixed(1)} vs ${measuredPrompt.toFixed(1)} tok/s, ratio ${(measuredPrompt / predicted.promptTokensPerSecond).toFixed(2)}`,
  );
  speeds.push({
    shape,
    quantization: metadata.quantization,
    predicted: predicted.generationTokensPerSecond,
    measured: top.generationTokensPerSecond,
  });
  await model.dispose();
}

// What the app shows once a similar model has been benchmarked: each shape calibrated by the others.
console.log('\n## calibration (each shape corrected by the other shapes measured above)');
console.log('shape | predicted | calibrated | measured | calibrated ÷ measured');
for (const speed of speeds) {
  const others: CalibrationSample[] = speeds
    .filter((other) => other !== speed)
    .map((other) => ({ quantization: other.quantization, ratio: other.measured / other.predicted }));
  const factor = calibrationFor(speed.quantization, others);
  const calibrated = factor === null ? null : speed.predicted * factor;
  console.log(
    `${speed.shape} | ${speed.predicted.toFixed(2)} | ${calibrated === null ? 'n/a (needs a second shape)' : calibrated.toFixed(2)} | ${speed.measured.toFixed(2)} | ${calibrated === null ? 'n/a' : (calibrated / speed.measured).toFixed(2)}`,
  );
}
await runtime.dispose();
