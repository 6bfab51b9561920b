import { freemem, totalmem } from 'node:os';
import type { Fit, ModelSettings } from '../../ipc/contract';
import type { LlamaRuntime } from '../llama/runtime';
import { estimateFit, type MemoryState } from './fit';
import type { ModelLibrary } from './model-library';
import type { ModelRecord } from './model-store';

/** Estimates kept before the cache starts over: far more than the models anyone installs. */
const MAX_CACHED = 256;

export interface FitEstimatesOptions {
  llama: LlamaRuntime;
  library: ModelLibrary;
  /** Reads free and total memory. Defaults to the OS for RAM and llama.cpp for VRAM. */
  memory?: () => Promise<MemoryState>;
}

/**
 * Whether a model fits this machine at some settings. An estimate simulates a llama.cpp context
 * (~250 ms for a 1B model), and the Models screen asks for every model on each change: one is
 * reused while the model, its settings and the free memory (to the nearest 256 MB) are the same.
 */
export class FitEstimates {
  readonly #options: FitEstimatesOptions;
  readonly #cache = new Map<string, Fit>();

  constructor(options: FitEstimatesOptions) {
    this.#options = options;
  }

  async memory(): Promise<MemoryState> {
    if (this.#options.memory) return this.#options.memory();
    const vram = await (await this.#options.llama.get()).getVramState();
    return { ramTotal: totalmem(), ramFree: freemem(), vramTotal: vram.total, vramFree: vram.free };
  }

  /** The fit of `record` at `settings` (its own by default), against `memory` (read now by default). */
  async of(record: ModelRecord, settings: ModelSettings = record.settings, memory?: MemoryState): Promise<Fit> {
    const state = memory ?? (await this.memory());
    const bucket = (bytes: number) => Math.round(bytes / 2 ** 28);
    const key = JSON.stringify([record.id, settings, state.ramTotal, bucket(state.ramFree), bucket(state.vramFree)]);
    const cached = this.#cache.get(key);
    if (cached) return { ...cached, ramFree: state.ramFree, vramFree: state.vramFree };
    const fit = await estimateFit({
      fileInfo: await this.#options.library.fileInfo(record),
      llama: await this.#options.llama.get(),
      role: record.metadata.role,
      settings,
      memory: state,
    });
    if (this.#cache.size > MAX_CACHED) this.#cache.clear();
    this.#cache.set(key, fit);
    return fit;
  }
}
