import { availableParallelism } from 'node:os';
import type { Llama } from 'node-llama-cpp';

export interface LlamaRuntimeOptions {
  /**
   * Which compute backend to try. `"auto"` picks Metal, CUDA or Vulkan when a working prebuilt
   * binary and device exist, else the CPU. Defaults to `"auto"`.
   */
  gpu?: 'auto' | false;
  /**
   * Upper bound on llama.cpp's thread pool. llama.cpp threads spin-wait, so more threads than
   * cores makes everything slower. Defaults to the machine's available parallelism.
   */
  maxThreads?: number;
}

/**
 * The one llama.cpp binding of the process, loaded on first use (node-llama-cpp itself too: a
 * command that needs no model, `hearth index` on a library without an embedding model, never
 * loads it). Loading picks a prebuilt binary and never compiles (`build: "never"`): an app must
 * not start a C++ build on a user's machine.
 */
export class LlamaRuntime {
  readonly #options: Required<LlamaRuntimeOptions>;
  #llama: Promise<Llama> | undefined;

  constructor(options: LlamaRuntimeOptions = {}) {
    this.#options = {
      gpu: options.gpu ?? 'auto',
      maxThreads: options.maxThreads ?? availableParallelism(),
    };
  }

  get(): Promise<Llama> {
    this.#llama ??= import('node-llama-cpp')
      .then(({ getLlama, LlamaLogLevel }) =>
        getLlama({
          gpu: this.#options.gpu,
          build: 'never',
          maxThreads: this.#options.maxThreads,
          progressLogs: false,
          logLevel: LlamaLogLevel.error,
        }),
      )
      .catch((error: unknown) => {
        // Let a later call try again instead of caching the failure forever.
        this.#llama = undefined;
        throw error;
      });
    return this.#llama;
  }

  async dispose(): Promise<void> {
    const pending = this.#llama;
    this.#llama = undefined;
    if (pending) await (await pending).dispose();
  }
}
