import type { LlamaModel } from 'node-llama-cpp';
import type { Fit, LoadedModels, ModelRole } from '../../ipc/contract';
import { HearthError } from '../../ipc/errors';
import type { LlamaRuntime } from '../llama/runtime';
import type { ModelRecord } from './model-store';

export interface LoadedModel {
  record: ModelRecord;
  model: LlamaModel;
  fit: Fit;
}

export type LoadPhase = 'checking' | 'loading' | 'context';

/**
 * The models in memory: at most one per role (chat, embedding, reranker), so the machine never
 * holds two chat models by accident. Switching is explicit: loading a model unloads the one in its
 * slot first, and the caller sees progress and may cancel.
 */
export class ModelRuntime {
  readonly #llama: LlamaRuntime;
  readonly #slots = new Map<ModelRole, LoadedModel>();
  /** Serialises loads and unloads so two clicks cannot race into two models in one slot. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(llama: LlamaRuntime) {
    this.#llama = llama;
  }

  state(): LoadedModels {
    return {
      chat: this.#slots.get('chat')?.record.id ?? null,
      embedding: this.#slots.get('embedding')?.record.id ?? null,
      reranker: this.#slots.get('reranker')?.record.id ?? null,
    };
  }

  isLoaded(id: string): boolean {
    return [...this.#slots.values()].some((loaded) => loaded.record.id === id);
  }

  get(role: ModelRole): LoadedModel | null {
    return this.#slots.get(role) ?? null;
  }

  /**
   * Loads `record` into its role's slot. Refuses with `MODEL_TOO_LARGE` (and what would make it
   * fit) before touching llama.cpp when the fit estimate says it cannot load.
   */
  load(
    record: ModelRecord,
    fit: Fit,
    options: { signal?: AbortSignal; onProgress?: (phase: LoadPhase, progress: number) => void } = {},
  ): Promise<LoadedModel> {
    return this.#serialise(async () => {
      if (fit.level === 'too-large') {
        throw new HearthError('MODEL_TOO_LARGE', tooLargeMessage(record, fit), {
          ramNeeded: fit.ramNeeded,
          ramTotal: fit.ramTotal,
          vramNeeded: fit.vramNeeded,
          vramFree: fit.vramFree,
          suggestions: fit.suggestions,
        });
      }
      const role = record.metadata.role;
      const current = this.#slots.get(role);
      if (current?.record.id === record.id) return current;
      options.signal?.throwIfAborted();
      if (current) await this.#dispose(role);

      const llama = await this.#llama.get();
      options.onProgress?.('loading', 0);
      const model = await llama.loadModel({
        modelPath: record.path,
        gpuLayers: fit.gpuLayers,
        loadSignal: options.signal,
        onLoadProgress: (progress) => options.onProgress?.('loading', progress),
      });
      if (options.signal?.aborted) {
        // node-llama-cpp may finish a load that was aborted late: never keep what was cancelled.
        await model.dispose();
        options.signal.throwIfAborted();
      }
      const loaded = { record, model, fit };
      this.#slots.set(role, loaded);
      return loaded;
    });
  }

  unload(role: ModelRole): Promise<void> {
    return this.#serialise(() => this.#dispose(role));
  }

  /** Unloads `id` wherever it is loaded (before the model is removed). */
  unloadModel(id: string): Promise<void> {
    return this.#serialise(async () => {
      for (const [role, loaded] of this.#slots) if (loaded.record.id === id) await this.#dispose(role);
    });
  }

  async dispose(): Promise<void> {
    await this.#serialise(async () => {
      for (const role of [...this.#slots.keys()]) await this.#dispose(role);
    });
  }

  async #dispose(role: ModelRole): Promise<void> {
    const loaded = this.#slots.get(role);
    this.#slots.delete(role);
    await loaded?.model.dispose();
  }

  #serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

function tooLargeMessage(record: ModelRecord, fit: Fit): string {
  const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  const fixes = fit.suggestions.map((s) => s.message).join(' ');
  return `${record.metadata.name} needs about ${gb(fit.ramNeeded)} of RAM at a ${fit.contextSize}-token context, but this computer has ${gb(fit.ramTotal)}. ${fixes}`.trim();
}
