import { freemem, totalmem, availableParallelism } from 'node:os';
import type { LlamaModel } from 'node-llama-cpp';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  ModelSettingsSchema,
  type BenchmarkInput,
  type BenchmarkProgress,
  type BenchmarkResult,
  type Fit,
  type LoadedModels,
  type MachineProfile,
  type LoadProgress,
  type ModelInfo,
  type ModelMetadata,
  type ModelRole,
  type ModelSettings,
  type ModelThreads,
} from '../../ipc/contract';
import { HearthError } from '../../ipc/errors';
import type { CatalogEntry, CatalogView, SpeedPrediction } from '../../ipc/schemas/catalog';
import type { EmitEvent } from '../events';
import type { LlamaRuntime } from '../llama/runtime';
import { calibrationFor, type CalibrationSample } from '../machine/calibration';
import { readHardware } from '../machine/hardware';
import type { MachineService } from '../machine/machine-service';
import { describeBasis, predictSpeed, type SpeedInputs } from '../machine/speed';
import { chooseThreads } from '../machine/threads';
import type { SqliteDatabase } from '../store/db';
import type { ForkEntry } from '../workers/child-process';
import { benchmarkModel, contextCandidates, recommendThreads } from './benchmark';
import { fitsMachine, recommend } from './catalog';
import { estimateFit, type MemoryState } from './fit';
import { ModelLibrary } from './model-library';
import { ModelRuntime } from './model-runtime';
import { insertBenchmark, latestBenchmark, type ModelRecord } from './model-store';

export interface ModelsServiceOptions {
  db: SqliteDatabase;
  dataDir: string;
  llama: LlamaRuntime;
  emit: EmitEvent;
  /**
   * Reads free and total memory. Defaults to the OS for RAM and llama.cpp for VRAM. Tests pass a
   * fixed machine to check what happens on a smaller one.
   */
  memory?: () => Promise<MemoryState>;
  /** How many models per role may stay loaded (the `modelsPerRole` setting). Defaults to 1. */
  modelsPerRole?: () => number;
  /** The measured machine, for speed predictions and thread defaults. */
  machine: MachineService;
  /** Generation speed a recommended chat model must reach (the setting). Defaults to 10. */
  targetTokensPerSecond?: () => number;
  /** How the process that first opens a new model starts. Defaults to Node's fork (the app: utilityProcess). */
  fork?: ForkEntry;
}

interface Progress<T> {
  signal?: AbortSignal;
  onProgress?: (progress: T) => void;
}

/** Models as the app sees them: the library on disk, what is loaded, and how each fits. */
export class ModelsService {
  readonly library: ModelLibrary;
  readonly runtime: ModelRuntime;
  readonly #options: ModelsServiceOptions;
  readonly #fitCache = new Map<string, Fit>();

  constructor(options: ModelsServiceOptions) {
    this.#options = options;
    this.library = new ModelLibrary({
      db: options.db,
      modelsDir: join(options.dataDir, 'models'),
      fork: options.fork,
    });
    this.runtime = new ModelRuntime({ llama: options.llama, perRole: options.modelsPerRole });
  }

  async list(): Promise<ModelInfo[]> {
    return Promise.all(this.library.list().map((record) => this.#info(record)));
  }

  async get(id: string): Promise<ModelInfo> {
    return this.#info(this.library.get(id));
  }

  async inspect(path: string): Promise<ModelMetadata> {
    return (await this.library.inspect(path)).metadata;
  }

  async import(path: string, mode: 'copy' | 'reference'): Promise<ModelInfo> {
    const record = await this.library.import(path, mode);
    this.#changed();
    return this.#info(record);
  }

  /**
   * Adds a file a download just finished and verified. Returns the installed model instead when it
   * is listed already, or when one holds the same bytes under another name (then the download,
   * Hearth's own file, is deleted: one model, one copy on disk).
   */
  async addDownloaded(path: string): Promise<ModelInfo> {
    const existing = this.library.list().find((record) => record.path === path);
    if (existing) return this.#info(existing);
    const sameBytes = await this.library.findSameContent([path]);
    if (sameBytes) {
      await rm(path, { force: true });
      return this.#info(sameBytes);
    }
    const record = this.library.add({ path, storage: 'download', inspected: await this.library.inspectNew(path) });
    this.#changed();
    return this.#info(record);
  }

  /**
   * The catalog with what is installed, what fits this machine, how fast each would run here, and
   * the recommended pair. Before the machine is measured, speeds are `null`; the measurement is
   * started, and `models.changed` tells the window when predictions are ready.
   */
  catalog(entries: readonly CatalogEntry[]): CatalogView {
    const installed = new Set(this.library.list().map((record) => basename(record.path)));
    const profile = this.#options.machine.current();
    if (!profile) void this.#options.machine.profile().then(() => this.#changed(), logMeasureFailure);
    const totalMemory = profile?.totalMemory ?? totalmem();
    const samples = profile ? this.#calibrationSamples(profile) : [];
    const speeds = new Map(
      entries.map((entry) => [
        entry.id,
        profile
          ? this.#predict(
              { weightsBytes: entry.sizeBytes, parameters: entry.parameters, kvBytesPerToken: entry.kvBytesPerToken },
              entry.quantization,
              profile,
              samples,
            )
          : null,
      ]),
    );
    const targetTokensPerSecond = this.#options.targetTokensPerSecond?.() ?? 10;
    return {
      models: entries.map((entry) => ({
        ...entry,
        installed: installed.has(entry.file),
        fitsThisMachine: fitsMachine(entry, totalMemory),
        speed: speeds.get(entry.id) ?? null,
      })),
      recommended: recommend(entries, {
        totalMemory,
        speedOf: (entry) => speeds.get(entry.id) ?? null,
        targetTokensPerSecond,
      }),
      targetTokensPerSecond,
    };
  }

  /** A prediction for one model, corrected by benchmarks of similar models on this machine. */
  #predict(
    inputs: SpeedInputs,
    quantization: string,
    profile: MachineProfile,
    samples: readonly CalibrationSample[],
  ): SpeedPrediction {
    const raw = predictSpeed(inputs, profile);
    const calibration = calibrationFor(quantization, samples);
    return {
      generationTokensPerSecond: raw.generationTokensPerSecond * (calibration ?? 1),
      promptTokensPerSecond: raw.promptTokensPerSecond,
      calibrated: calibration !== null,
      basis: describeBasis(profile, raw, calibration),
    };
  }

  /** Measured ÷ predicted of every installed model's latest benchmark on this machine. */
  #calibrationSamples(profile: MachineProfile): CalibrationSample[] {
    return this.library.list().flatMap((record) => {
      const benchmark = latestBenchmark(this.#options.db, record.id);
      if (!benchmark?.speed || benchmark.hardware.cpuModel !== profile.cpuModel) return [];
      return [{ quantization: record.metadata.quantization, ratio: benchmark.speed.ratio }];
    });
  }

  async remove(id: string): Promise<void> {
    await this.runtime.unloadModel(id);
    await this.library.remove(id);
    // A chat model that drafted with it goes back to drafting with nothing.
    for (const record of this.library.list()) {
      if (record.settings.draftModelId === id)
        this.library.setSettings(record.id, { ...record.settings, draftModelId: null });
    }
    this.#changed();
  }

  async setSettings(id: string, patch: Partial<ModelSettings>): Promise<ModelInfo> {
    const current = this.library.get(id);
    const parsed = ModelSettingsSchema.safeParse({ ...current.settings, ...patch });
    if (!parsed.success) {
      throw new HearthError(
        'VALIDATION',
        `Invalid model settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const settings = parsed.data;
    if (settings.draftModelId !== null) this.#checkDraft(current, settings.draftModelId);
    const record = this.library.setSettings(id, settings);
    this.#changed();
    return this.#info(record);
  }

  state(): LoadedModels {
    return this.runtime.state();
  }

  /**
   * Loads `draftId` as the draft model of chat model `forId`, outside the per-role slots: it lives
   * and dies with the chat session that drafts with it (the caller disposes it). Checked like a
   * normal load (file, fit); `VALIDATION` when it cannot draft for that model.
   */
  async openDraft(forId: string, draftId: string, signal?: AbortSignal): Promise<LlamaModel> {
    const record = this.library.get(draftId);
    this.#checkDraft(this.library.get(forId), draftId);
    await this.library.revalidate(record);
    const info = await this.#info(record);
    if (!info.fit) throw new HearthError('INVALID_GGUF', info.fitError ?? 'The draft model could not be checked.');
    if (info.fit.level === 'too-large') {
      throw new HearthError('MODEL_TOO_LARGE', `The draft model ${record.metadata.name} does not fit in memory.`);
    }
    const llama = await this.#options.llama.get();
    return llama.loadModel({ modelPath: record.path, gpuLayers: info.fit.gpuLayers, loadSignal: signal });
  }

  /** A draft model must be another installed chat model. (Its vocabulary is compared once both are loaded.) */
  #checkDraft(model: ModelRecord, draftId: string): void {
    const draft = this.library.list().find((record) => record.id === draftId);
    if (!draft) throw new HearthError('VALIDATION', 'The draft model is not installed.');
    if (draft.id === model.id) throw new HearthError('VALIDATION', 'A model cannot be its own draft model.');
    if (model.metadata.role !== 'chat' || draft.metadata.role !== 'chat') {
      throw new HearthError('VALIDATION', 'Draft models are for chat models, and must be chat models themselves.');
    }
  }

  /** Loads a model into its role's slot after re-validating the file and checking it fits. */
  async load(id: string, options: Progress<LoadProgress> = {}): Promise<LoadedModels> {
    const record = this.library.get(id);
    options.onProgress?.({ phase: 'checking', progress: 0 });
    await this.library.revalidate(record);
    const info = await this.#info(record);
    if (!info.fit) throw new HearthError('INVALID_GGUF', info.fitError ?? 'The model could not be checked.');
    const wasLoaded = this.runtime.isLoaded(id);
    await this.runtime.load(record, info.fit, {
      signal: options.signal,
      onProgress: (phase, progress) => options.onProgress?.({ phase, progress }),
    });
    if (options.signal?.aborted) {
      // Cancelled as llama.cpp finished: the caller is told CANCELLED, so nothing may stay loaded.
      if (!wasLoaded) await this.runtime.unloadModel(id);
      options.signal.throwIfAborted();
    }
    this.#changed();
    return this.state();
  }

  async unload(target: { id: string } | { role: ModelRole }): Promise<LoadedModels> {
    if ('id' in target) await this.runtime.unloadModel(target.id);
    else await this.runtime.unload(target.role);
    this.#changed();
    return this.state();
  }

  /**
   * Runs the on-device benchmark for 1..maxThreads threads, stores it with the hardware it ran on,
   * and returns it. Uses the model if it is loaded; else loads it the way `load` does (file check,
   * fit, GPU layers, the load queue and the per-role limit) and unloads it afterwards.
   */
  async benchmark(input: BenchmarkInput, options: Progress<BenchmarkProgress> = {}): Promise<BenchmarkResult> {
    const record = this.library.get(input.id);
    const loadedHere = !this.runtime.isLoaded(record.id);
    if (loadedHere) await this.load(record.id, { signal: options.signal });
    try {
      const llama = await this.#options.llama.get();
      const maxThreads = Math.min(
        input.maxThreads ?? availableParallelism(),
        llama.maxThreads || availableParallelism(),
      );
      const runs = await this.runtime.use(record.id, (model, unloading) =>
        benchmarkModel(model, {
          threads: Array.from({ length: Math.max(1, maxThreads) }, (_, i) => i + 1),
          promptTokens: input.promptTokens,
          generateTokens: input.generateTokens,
          signal: options.signal ? AbortSignal.any([options.signal, unloading]) : unloading,
          onProgress: options.onProgress,
        }),
      );
      const hardware = await readHardware(this.#options.llama);
      const profile = await this.#options.machine.profile();
      const predicted = predictSpeed(speedInputs(record), profile).generationTokensPerSecond;
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
        recommendedContextSize: await this.#affordableContext(record, runs),
        ...(predicted > 0 && measured > 0
          ? { speed: { predictedTokensPerSecond: predicted, ratio: measured / predicted } }
          : {}),
      };
      insertBenchmark(this.#options.db, result);
      return result;
    } finally {
      if (loadedHere) await this.runtime.unloadModel(record.id);
      this.#changed();
    }
  }

  async dispose(): Promise<void> {
    await this.runtime.dispose();
  }

  /** The largest benchmark-affordable context that also fits in memory at the model's settings. */
  async #affordableContext(record: ModelRecord, runs: BenchmarkResult['runs']): Promise<number> {
    const candidates = contextCandidates(runs, record.metadata.contextLength);
    const fileInfo = await this.library.fileInfo(record);
    const llama = await this.#options.llama.get();
    const memory = await this.#memory();
    for (const contextSize of candidates) {
      const settings = { ...record.settings, contextSize };
      const fit = await this.#fit(
        record,
        settings,
        () => estimateFit({ fileInfo, llama, role: record.metadata.role, settings, memory }),
        memory,
      );
      if (fit.level === 'fits') return contextSize;
    }
    return candidates.at(-1)!;
  }

  /** The threads llama.cpp gets for a model (see chooseThreads), read at each use. */
  threads(record: ModelRecord): ModelThreads {
    return chooseThreads({
      setting: record.settings.threads,
      benchmarked: latestBenchmark(this.#options.db, record.id)?.recommendedThreads ?? null,
      physicalCores: this.#options.machine.current()?.physicalCores ?? availableParallelism(),
      besideEmbedding: record.metadata.role === 'chat' && this.runtime.get('embedding') !== null,
    });
  }

  async #info(record: ModelRecord): Promise<ModelInfo> {
    const fileMissing = !this.library.filesPresent(record);
    const benchmark = latestBenchmark(this.#options.db, record.id);
    const base = {
      id: record.id,
      path: record.path,
      storage: record.storage,
      addedAt: record.addedAt.toISOString(),
      metadata: record.metadata,
      settings: record.settings,
      loaded: this.runtime.isLoaded(record.id),
      fileMissing,
      benchmark,
      threads: this.threads(record),
    };
    if (fileMissing) return { ...base, fit: null, fitError: `The file is missing: ${record.path}` };
    try {
      const memory = await this.#memory();
      const fileInfo = await this.library.fileInfo(record);
      const llama = await this.#options.llama.get();
      const fit = await this.#fit(
        record,
        record.settings,
        () => estimateFit({ fileInfo, llama, role: record.metadata.role, settings: record.settings, memory }),
        memory,
      );
      return { ...base, fit };
    } catch (error) {
      return { ...base, fit: null, fitError: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Fit estimates simulate a llama.cpp context (~250 ms for a 1B model), and the Models screen asks
   * for every model on each change: reuse one while the model, its settings and the free memory
   * (to the nearest 256 MB) are the same.
   */
  async #fit(
    record: ModelRecord,
    settings: ModelSettings,
    estimate: () => Promise<Fit>,
    memory: MemoryState,
  ): Promise<Fit> {
    const bucket = (bytes: number) => Math.round(bytes / 2 ** 28);
    const key = JSON.stringify([record.id, settings, memory.ramTotal, bucket(memory.ramFree), bucket(memory.vramFree)]);
    const cached = this.#fitCache.get(key);
    if (cached) return { ...cached, ramFree: memory.ramFree, vramFree: memory.vramFree };
    const fit = await estimate();
    if (this.#fitCache.size > 256) this.#fitCache.clear();
    this.#fitCache.set(key, fit);
    return fit;
  }

  async #memory(): Promise<MemoryState> {
    if (this.#options.memory) return this.#options.memory();
    const vram = await (await this.#options.llama.get()).getVramState();
    return { ramTotal: totalmem(), ramFree: freemem(), vramTotal: vram.total, vramFree: vram.free };
  }

  readonly #listeners = new Set<() => void>();

  /** Calls `listener` after every change: a model installed, removed, loaded or unloaded. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(): void {
    this.#options.emit('models.changed', this.state());
    for (const listener of this.#listeners) listener();
  }
}

/** What a prediction needs, from an installed model's metadata (its KV size is not recorded). */
function speedInputs(record: ModelRecord): SpeedInputs {
  return { weightsBytes: record.metadata.fileSize, parameters: record.metadata.parameterCount, kvBytesPerToken: 0 };
}

function logMeasureFailure(error: unknown): void {
  console.error('[machine] measuring this computer failed:', error);
}
