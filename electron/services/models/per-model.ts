import type { LlamaModel } from 'node-llama-cpp';

/**
 * One `create()` per loaded model, shared by every caller (a context is made once and reused);
 * a failed one is forgotten, so the next call tries again. Keyed weakly: an unloaded model's
 * entry goes with it.
 */
export function oncePerModel<T>(
  cache: WeakMap<LlamaModel, Promise<T>>,
  model: LlamaModel,
  create: () => Promise<T>,
): Promise<T> {
  const cached = cache.get(model);
  if (cached) return cached;
  const created = create().catch((error: unknown) => {
    cache.delete(model);
    throw error;
  });
  cache.set(model, created);
  return created;
}
