import type { LlamaModel } from 'node-llama-cpp';
import type { Fit, LoadedModels, LoadProgress, ModelRole } from '../../ipc/contract';
import { HearthError } from '../../ipc/errors';
import type { LlamaRuntime } from '../llama/runtime';
import type { ModelRecord } from './model-store';
import { mainText, type MainText } from '../../ipc/main-text';

export interface LoadedModel {
  record: ModelRecord;
  model: LlamaModel;
  fit: Fit;
}

/** A loaded model plus what is using it, so it is never freed under a running job. */
interface Slot extends LoadedModel {
  /** Aborted when the model is about to be unloaded: users stop, then it is freed. */
  readonly retiring: AbortController;
  /** Work holding the model now (`lease`). */
  readonly users: Set<Promise<unknown>>;
  /** When it was last loaded or leased (a tick of `ModelRuntime`): the least recent is unloaded first. */
  lastUsed: number;
}

export type LoadPhase = LoadProgress['phase'];

/** A loaded model held for one piece of work (`ModelRuntime.lease`). */
export interface ModelLease {
  record: ModelRecord;
  model: LlamaModel;
  /** Aborts when the model must be unloaded (the user unloaded or removed it): stop, then return. */
  retiring: AbortSignal;
}

type LoadOptions = { signal?: AbortSignal; onProgress?: (phase: LoadPhase, progress: number) => void };

export interface ModelRuntimeOptions {
  llama: LlamaRuntime;
  /**
   * How many models of a role may stay loaded at once. Loading one more unloads the least recently
   * used. Read at every load, so a settings change applies to the next one. Defaults to 1.
   */
  perRole?: () => number;
}

const ROLES: readonly ModelRole[] = ['chat', 'embedding', 'reranker'];

/**
 * The models in memory, per role (chat, embedding, reranker). By default one per role, so the
 * machine never holds two chat models by accident. Switching is explicit: loading a model past the
 * limit first unloads the least recently used one of its role; the caller sees progress and may
 * cancel. The most recently loaded model of a role is the active one.
 */
export class ModelRuntime {
  readonly #llama: LlamaRuntime;
  readonly #perRole: () => number;
  /** Per role, most recently loaded first. */
  readonly #slots = new Map<ModelRole, Slot[]>(ROLES.map((role) => [role, []]));
  /** Serialises loads and unloads so two clicks cannot race past the limit. */
  #queue: Promise<unknown> = Promise.resolve();
  /** Counts loads and uses, to know which model was used least recently. */
  #ticks = 0;

  constructor(options: ModelRuntimeOptions) {
    this.#llama = options.llama;
    this.#perRole = options.perRole ?? (() => 1);
  }

  state(): LoadedModels {
    const active = (role: ModelRole) => this.#slots.get(role)![0]?.record.id ?? null;
    return {
      chat: active('chat'),
      embedding: active('embedding'),
      reranker: active('reranker'),
      all: ROLES.flatMap((role) => this.#slots.get(role)!.map((loaded) => loaded.record.id)),
    };
  }

  isLoaded(id: string): boolean {
    return this.state().all.includes(id);
  }

  /** The active (most recently loaded) model of a role. */
  get(role: ModelRole): LoadedModel | null {
    return this.#slots.get(role)![0] ?? null;
  }

  /**
   * Loads `record` (or makes it the active one of its role if it is loaded). Refuses with
   * `MODEL_TOO_LARGE` (and what would make it fit) before touching llama.cpp when the fit
   * estimate says it cannot load.
   */
  load(record: ModelRecord, fit: Fit, options: LoadOptions = {}): Promise<LoadedModel> {
    return this.#serialise(() => this.#load(record, fit, options));
  }

  async #load(record: ModelRecord, fit: Fit, options: LoadOptions): Promise<Slot> {
    if (fit.level === 'too-large') {
      throw new HearthError('MODEL_TOO_LARGE', tooLargeText(record, fit), {
        ramNeeded: fit.ramNeeded,
        ramTotal: fit.ramTotal,
        vramNeeded: fit.vramNeeded,
        vramFree: fit.vramFree,
        suggestions: fit.suggestions,
      });
    }
    const slot = this.#slots.get(record.metadata.role)!;
    const existing = slot.findIndex((loaded) => loaded.record.id === record.id);
    if (existing >= 0) {
      const [loaded] = slot.splice(existing, 1);
      loaded!.lastUsed = ++this.#ticks;
      slot.unshift(loaded!);
      return loaded!;
    }
    options.signal?.throwIfAborted();
    // Make room first: two models in memory at once is exactly what the limit prevents. The one
    // used least recently goes (a model the API or a chat used a moment ago stays), and one at
    // work only when every model of the role is.
    while (slot.length >= Math.max(1, this.#perRole())) await retire(takeLeastRecentlyUsed(slot));

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
    const loaded: Slot = {
      record,
      model,
      fit,
      retiring: new AbortController(),
      users: new Set(),
      lastUsed: ++this.#ticks,
    };
    slot.unshift(loaded);
    return loaded;
  }

  /** Unloads every model of a role. */
  unload(role: ModelRole): Promise<void> {
    return this.#serialise(async () => {
      const slot = this.#slots.get(role)!;
      for (const loaded of slot.splice(0)) await retire(loaded);
    });
  }

  /** Unloads `id` wherever it is loaded (a user's Unload, or before the model is removed). */
  unloadModel(id: string): Promise<void> {
    return this.#serialise(async () => {
      for (const slot of this.#slots.values()) {
        const index = slot.findIndex((loaded) => loaded.record.id === id);
        if (index >= 0) await retire(slot.splice(index, 1)[0]!);
      }
    });
  }

  /**
   * Loads `record` if it is not loaded (as `load` does, `fit` deciding), then runs `work` on it. The
   * model is held from the moment it is found in memory, inside the queue that loads and unloads:
   * no other load can evict it between the two steps. Should the model be unloaded meanwhile (the
   * user's Unload, its removal, or a load that needs the room while every model of the role is at
   * work), `retiring` aborts and its memory is freed only once `work` has returned.
   */
  async lease<T>(
    record: ModelRecord,
    fit: () => Promise<Fit>,
    work: (lease: ModelLease) => Promise<T>,
    options: LoadOptions = {},
  ): Promise<T> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const loaded = await this.#serialise(async () => {
      const slot = this.#find(record.id) ?? (await this.#load(record, await fit(), options));
      slot.lastUsed = ++this.#ticks;
      slot.users.add(held);
      return slot;
    });
    try {
      if (loaded.retiring.signal.aborted) {
        throw new HearthError('CANCELLED', mainText('models.unloadedBefore'));
      }
      return await work({ record: loaded.record, model: loaded.model, retiring: loaded.retiring.signal });
    } finally {
      loaded.users.delete(held);
      release();
    }
  }

  #find(id: string): Slot | undefined {
    return [...this.#slots.values()].flat().find((candidate) => candidate.record.id === id);
  }

  async dispose(): Promise<void> {
    for (const role of ROLES) await this.unload(role);
  }

  #serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work, work);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

/**
 * Removes and returns the slot's model used least recently (by load or lease), preferring one no
 * work holds: evicting a model mid-answer is the last resort.
 */
function takeLeastRecentlyUsed(slot: Slot[]): Slot {
  const idle = slot.filter((loaded) => loaded.users.size === 0);
  const candidates = idle.length > 0 ? idle : slot;
  const oldest = candidates.reduce((a, b) => (b.lastUsed < a.lastUsed ? b : a));
  return slot.splice(slot.indexOf(oldest), 1)[0]!;
}

/** Stops what runs on a model, waits for it, then frees the model's memory. */
async function retire(loaded: Slot): Promise<void> {
  loaded.retiring.abort(
    new HearthError('CANCELLED', mainText('models.unloaded', { name: loaded.record.metadata.name })),
  );
  await Promise.all(loaded.users);
  await loaded.model.dispose();
}

/** Why the model cannot load, with what would make it fit in English (the window shows `details.suggestions` itself). */
function tooLargeText(record: ModelRecord, fit: Fit): MainText {
  const text = mainText('models.tooLarge', {
    name: record.metadata.name,
    ram: fit.ramNeeded,
    contextSize: fit.contextSize,
    total: fit.ramTotal,
  });
  return { ...text, text: [text.text, ...fit.suggestions.map((s) => s.message)].join(' ') };
}
