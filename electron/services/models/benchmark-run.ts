import { availableParallelism } from 'node:os';
import type { BenchmarkInput, BenchmarkProgress, BenchmarkResult } from '../../ipc/contract';
import type { LlamaRuntime } from '../llama/runtime';
import { readHardware } from '../machine/hardware';
import type { MachineService } from '../machine/machine-service';
import { predictSpeed } from '../machine/speed';
import type { SqliteDatabase } from '../store/db';
import { benchmarkModel, contextCandidates, recommendThreads } from './benchmark';
import type { FitEstimates } from './fit-estimates';
import type { ModelLease } from './model-runtime';
import { insertBenchmark } from './model-store';

export interface BenchmarkRunDeps {
  db: SqliteDatabase;
  llama: LlamaRuntime;
  machine: MachineService;
  fits: FitEstimates;
}

/**
 * The on-device benchmark of a leased model: generation and prompt speed for 1..maxThreads
 * threads, the threads and context size to recommend, and how the speed compares with the
 * prediction for this machine. Stored with the hardware it ran on, and returned.
 */
export async function runBenchmark(
  lease: ModelLease,
  input: BenchmarkInput,
  deps: BenchmarkRunDeps,
  options: { signal?: AbortSignal; onProgress?: (progress: BenchmarkProgress) => void } = {},
): Promise<BenchmarkResult> {
  const { record } = lease;
  const llama = await deps.llama.get();
  const maxThreads = Math.min(input.maxThreads ?? availableParallelism(), llama.maxThreads || availableParallelism());
  const runs = await benchmarkModel(lease.model, {
    threads: Array.from({ length: Math.max(1, maxThreads) }, (_, i) => i + 1),
    promptTokens: input.promptTokens,
    generateTokens: input.generateTokens,
    signal: options.signal ? AbortSignal.any([options.signal, lease.retiring]) : lease.retiring,
    onProgress: options.onProgress,
  });
  const hardware = await readHardware(deps.llama);
  const profile = await deps.machine.profile();
  const predicted = predictSpeed(
    { weightsBytes: record.metadata.fileSize, parameters: record.metadata.parameterCount, kvBytesPerToken: 0 },
    profile,
  ).generationTokensPerSecond;
  const measured = Math.max(...runs.map((run) => run.generationTokensPerSecond));
  const result: BenchmarkResult = {
    modelId: record.id,
    ranAt: new Date().toISOString(),
    hardware: {
      cpuModel: hardware.cpuModel,
      cpuCores: hardware.cpuCores,
      totalMemory: hardware.totalMemory,
      gpu: hardware.compute.gpu,
    },
    runs,
    recommendedThreads: recommendThreads(runs),
    recommendedContextSize: await affordableContext(lease, runs, deps.fits),
    ...(predicted > 0 && measured > 0
      ? { speed: { predictedTokensPerSecond: predicted, ratio: measured / predicted } }
      : {}),
  };
  insertBenchmark(deps.db, result);
  return result;
}

/** The largest benchmark-affordable context that also fits in memory at the model's settings. */
async function affordableContext(
  { record }: ModelLease,
  runs: BenchmarkResult['runs'],
  fits: FitEstimates,
): Promise<number> {
  const candidates = contextCandidates(runs, record.metadata.contextLength);
  const memory = await fits.memory();
  for (const contextSize of candidates) {
    const fit = await fits.of(record, { ...record.settings, contextSize }, memory);
    if (fit.level === 'fits') return contextSize;
  }
  return candidates.at(-1)!;
}
