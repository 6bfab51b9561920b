import { availableParallelism, totalmem } from 'node:os';
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
  type LoadProgress,
  type ModelInfo,
  type ModelMetadata,
  type ModelRole,
  type ModelSettings,
  type ModelThreads,
} from '../../ipc/contract';
import { HearthError, toErrorData } from '../../ipc/errors';
import type { CatalogEntry, CatalogView } from '../../ipc/schemas/catalog';
import type { EmitEvent } from '../events';
import type { LlamaRuntime } from '../llama/runtime';
import type { MachineService } from '../machine/machine-service';
import { chooseThreads } from '../machine/threads';
import type { SqliteDatabase } from '../store/db';
import type { ForkEntry } from '../workers/child-process';
import { runBenchmark } from './benchmark-run';
import { calibrationSamples, catalogView, predictModelSpeed } from './catalog-view';
import type { SpeedPrediction } from '../../ipc/schemas/machine';
import { checkDraft } from './draft-check';
import type { MemoryState } from './fit';
import { FitEstimates } from './fit-estimates';
import { ModelLibrary } from './model-library';
import { ModelRuntime, type ModelLease } from './model-runtime';
import { latestBenchmark, type ModelRecord } from './model-store';
import { mainText } from '../../ipc/main-text';

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

/**
 * Models as the app sees them: the library on disk, what is loaded, and how each fits. The rest of
 * the app runs work on a model only through `withModel`, which loads it if needed and holds it for
 * the work's duration; the library and the runtime behind it are this service's own.
 */
export class ModelsService {
  readonly #library: ModelLibrary;
  readonly #runtime: ModelRuntime;
  readonly #fits: FitEstimates;
  readonly #options: ModelsServiceOptions;

  constructor(options: ModelsServiceOptions) {
    this.#options = options;
    this.#library = new ModelLibrary({
      db: options.db,
      modelsDir: join(options.dataDir, 'models'),
      fork: options.fork,
    });
    this.#runtime = new ModelRuntime({ llama: options.llama, perRole: options.modelsPerRole });
    this.#fits = new FitEstimates({ llama: options.llama, library: this.#library, memory: options.memory });
  }

  /** Where downloaded and copied model files live. */
  get modelsDir(): string {
    return this.#library.modelsDir;
  }

  /**
   * Runs `work` on the model `idOrName` (an id, a file name or a model name, as `find` takes them),
   * loading it first if it is not loaded (checked, fitted and progress-reported as `load` does).
   * The model is held until `work` returns: no other load can evict it in between. `role`, when
   * given, refuses a model of another role. `lease.retiring` aborts if the user unloads it.
   */
  async withModel<T>(
    idOrName: string,
    role: ModelRole | null,
    work: (lease: ModelLease) => Promise<T>,
    options: Progress<LoadProgress> = {},
  ): Promise<T> {
    const record = this.find(idOrName, role ? { role } : {});
    const wasLoaded = this.#runtime.isLoaded(record.id);
    return this.#runtime.lease(
      record,
      () => this.#checkedFit(record, options),
      (lease) => {
        // Loaded for this work: the window shows it loaded, as after a load by hand.
        if (!wasLoaded) this.#changed();
        // The record as it is now: settings changed since the load (a draft model) apply.
        return work({ ...lease, record });
      },
      { signal: options.signal, onProgress: (phase, progress) => options.onProgress?.({ phase, progress }) },
    );
  }

  /** The installed model `ref` names (id, file name or model name); `NOT_FOUND` listing what there is. */
  find(ref: string, options: { role?: ModelRole; listedBy?: string } = {}): ModelRecord {
    return this.#library.find(ref, options);
  }

  /** Installed models (of `role`, when given) whose files are all on disk. */
  usable(role?: ModelRole): ModelRecord[] {
    return this.#library
      .list()
      .filter((record) => (!role || record.metadata.role === role) && this.#library.filesPresent(record));
  }

  /** The id of the active (most recently loaded) model of a role, if any is loaded. */
  activeId(role: ModelRole): string | null {
    return this.#runtime.get(role)?.record.id ?? null;
  }

  async list(): Promise<ModelInfo[]> {
    return Promise.all(this.#library.list().map((record) => this.#info(record)));
  }

  async get(id: string): Promise<ModelInfo> {
    return this.#info(this.#library.get(id));
  }

  async inspect(path: string): Promise<ModelMetadata> {
    return (await this.#library.inspect(path)).metadata;
  }

  async import(path: string, mode: 'copy' | 'reference'): Promise<ModelInfo> {
    const record = await this.#library.import(path, mode);
    this.#changed();
    return this.#info(record);
  }

  /**
   * Adds a file a download just finished and verified. Returns the installed model instead when it
   * is listed already, or when one holds the same bytes under another name (then the download,
   * Hearth's own file, is deleted: one model, one copy on disk).
   */
  async addDownloaded(path: string): Promise<ModelInfo> {
    const existing = this.#library.list().find((record) => record.path === path);
    if (existing) return this.#info(existing);
    const sameBytes = await this.#library.findSameContent([path]);
    if (sameBytes) {
      await rm(path, { force: true });
      return this.#info(sameBytes);
    }
    const record = this.#library.add({ path, storage: 'download', inspected: await this.#library.inspectNew(path) });
    this.#changed();
    return this.#info(record);
  }

  /**
   * The catalog with what is installed, what fits this machine, how fast each would run here, and
   * the recommended pair. Before the machine is measured, speeds are `null`; the measurement is
   * started, and `models.changed` tells the window when predictions are ready.
   */
  catalog(entries: readonly CatalogEntry[]): CatalogView {
    const profile = this.#options.machine.current();
    if (!profile) void this.#options.machine.profile().then(() => this.#changed(), logMeasureFailure);
    const records = this.#library.list();
    return catalogView(entries, {
      installedFiles: new Set(records.map((record) => basename(record.path))),
      profile,
      totalMemory: totalmem(),
      samples: profile ? calibrationSamples(this.#options.db, records, profile) : [],
      targetTokensPerSecond: this.#options.targetTokensPerSecond?.() ?? 10,
    });
  }

  async remove(id: string): Promise<void> {
    await this.#runtime.unloadModel(id);
    await this.#library.remove(id);
    // A chat model that drafted with it goes back to drafting with nothing.
    for (const record of this.#library.list()) {
      if (record.settings.draftModelId === id)
        this.#library.setSettings(record.id, { ...record.settings, draftModelId: null });
    }
    this.#changed();
  }

  async setSettings(id: string, patch: Partial<ModelSettings>): Promise<ModelInfo> {
    const current = this.#library.get(id);
    const parsed = ModelSettingsSchema.safeParse({ ...current.settings, ...patch });
    if (!parsed.success) {
      throw new HearthError(
        'VALIDATION',
        mainText('models.invalidSettings', {
          problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        }),
      );
    }
    const settings = parsed.data;
    if (settings.draftModelId !== null) checkDraft(current, this.#library.list(), settings.draftModelId);
    const record = this.#library.setSettings(id, settings);
    this.#changed();
    return this.#info(record);
  }

  state(): LoadedModels {
    return this.#runtime.state();
  }

  /**
   * Loads `draftId` as the draft model of chat model `forId`, outside the per-role slots: it lives
   * and dies with the chat session that drafts with it (the caller disposes it). Checked like a
   * normal load (file, fit); `VALIDATION` when it cannot draft for that model.
   */
  async openDraft(forId: string, draftId: string, signal?: AbortSignal): Promise<LlamaModel> {
    const record = this.#library.get(draftId);
    checkDraft(this.#library.get(forId), this.#library.list(), draftId);
    const fit = await this.#checkedFit(record, {});
    if (fit.level === 'too-large') {
      throw new HearthError('MODEL_TOO_LARGE', mainText('models.draftTooLarge', { name: record.metadata.name }));
    }
    const llama = await this.#options.llama.get();
    return llama.loadModel({ modelPath: record.path, gpuLayers: fit.gpuLayers, loadSignal: signal });
  }

  /** Loads a model into its role's slot after re-validating the file and checking it fits. */
  async load(id: string, options: Progress<LoadProgress> = {}): Promise<LoadedModels> {
    const record = this.#library.get(id);
    const fit = await this.#checkedFit(record, options);
    const wasLoaded = this.#runtime.isLoaded(id);
    await this.#runtime.load(record, fit, {
      signal: options.signal,
      onProgress: (phase, progress) => options.onProgress?.({ phase, progress }),
    });
    if (options.signal?.aborted) {
      // Cancelled as llama.cpp finished: the caller is told CANCELLED, so nothing may stay loaded.
      if (!wasLoaded) await this.#runtime.unloadModel(id);
      options.signal.throwIfAborted();
    }
    this.#changed();
    return this.state();
  }

  async unload(target: { id: string } | { role: ModelRole }): Promise<LoadedModels> {
    if ('id' in target) await this.#runtime.unloadModel(target.id);
    else await this.#runtime.unload(target.role);
    this.#changed();
    return this.state();
  }

  /**
   * Runs the on-device benchmark for 1..maxThreads threads, stores it with the hardware it ran on,
   * and returns it. Uses the model if it is loaded; else loads it the way `load` does (file check,
   * fit, GPU layers, the load queue and the per-role limit) and unloads it afterwards.
   */
  async benchmark(input: BenchmarkInput, options: Progress<BenchmarkProgress> = {}): Promise<BenchmarkResult> {
    const record = this.#library.get(input.id);
    const loadedHere = !this.#runtime.isLoaded(record.id);
    try {
      return await this.withModel(
        record.id,
        null,
        (lease) =>
          runBenchmark(
            lease,
            input,
            { db: this.#options.db, llama: this.#options.llama, machine: this.#options.machine, fits: this.#fits },
            options,
          ),
        { signal: options.signal },
      );
    } finally {
      if (loadedHere) await this.#runtime.unloadModel(record.id);
      this.#changed();
    }
  }

  async dispose(): Promise<void> {
    await this.#runtime.dispose();
  }

  /** The file re-validated and the model's fit, before a load: what `load` and `withModel` check. */
  async #checkedFit(record: ModelRecord, options: Progress<LoadProgress>): Promise<Fit> {
    options.onProgress?.({ phase: 'checking', progress: 0 });
    // A file that is no longer a usable model is INVALID_GGUF here; a failure to estimate the fit
    // (memory unreadable, permission) keeps its own code: it says nothing about the file.
    await this.#library.revalidate(record);
    return this.#fits.of(record);
  }

  /** The threads llama.cpp gets for a model (see chooseThreads), read at each use. */
  threads(record: ModelRecord): ModelThreads {
    return chooseThreads({
      setting: record.settings.threads,
      benchmarked: latestBenchmark(this.#options.db, record.id)?.recommendedThreads ?? null,
      physicalCores: this.#options.machine.current()?.physicalCores ?? availableParallelism(),
      besideEmbedding: record.metadata.role === 'chat' && this.#runtime.get('embedding') !== null,
    });
  }

  /** A chat model's predicted speed here, or `null` (another role, or the machine not measured yet). */
  #speed(record: ModelRecord): SpeedPrediction | null {
    const profile = this.#options.machine.current();
    if (!profile || record.metadata.role !== 'chat') return null;
    const { fileSize, parameterCount, quantization } = record.metadata;
    const samples = calibrationSamples(this.#options.db, this.#library.list(), profile);
    // The KV cache is unknown here and a few percent at the context the prediction assumes.
    return predictModelSpeed(
      { weightsBytes: fileSize, parameters: parameterCount, kvBytesPerToken: 0 },
      quantization,
      profile,
      samples,
    );
  }

  async #info(record: ModelRecord): Promise<ModelInfo> {
    const fileMissing = !this.#library.filesPresent(record);
    const benchmark = latestBenchmark(this.#options.db, record.id);
    const base = {
      id: record.id,
      path: record.path,
      storage: record.storage,
      addedAt: record.addedAt.toISOString(),
      metadata: record.metadata,
      settings: record.settings,
      loaded: this.#runtime.isLoaded(record.id),
      fileMissing,
      benchmark,
      speed: this.#speed(record),
      threads: this.threads(record),
    };
    if (fileMissing) return { ...base, fit: null, fitError: `The file is missing: ${record.path}` };
    try {
      return { ...base, fit: await this.#fits.of(record) };
    } catch (error) {
      // In the user's words (toErrorData): llama.cpp's own text names internals and paths.
      return { ...base, fit: null, fitError: toErrorData(error).message };
    }
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

function logMeasureFailure(error: unknown): void {
  console.error('[machine] measuring this computer failed:', error);
}
