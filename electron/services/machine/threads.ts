import type { ModelThreads } from '../../ipc/contract';

export interface ThreadChoice {
  /** The user's own setting for the model, if any. */
  setting: number | null;
  /** The thread count the model's last benchmark found fastest, if it has one. */
  benchmarked: number | null;
  physicalCores: number;
  /** A chat model that runs while an embedding model indexes leaves it a core. */
  besideEmbedding: boolean;
}

/**
 * Threads for a model, in order of trust: what the user set; what a benchmark on this machine
 * measured fastest; else one per physical core (hyper-threads only make llama.cpp's spinning
 * threads fight), less one when embedding runs beside chat, never below one.
 */
export function chooseThreads(choice: ThreadChoice): ModelThreads {
  if (choice.setting !== null) return { count: choice.setting, source: 'setting' };
  if (choice.benchmarked !== null) return { count: choice.benchmarked, source: 'benchmark' };
  const spare = choice.besideEmbedding && choice.physicalCores > 1 ? 1 : 0;
  return { count: Math.max(1, choice.physicalCores - spare), source: 'machine' };
}
