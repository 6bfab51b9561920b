import type { LlamaModel, LlamaRankingContext } from 'node-llama-cpp';
import type { ModelRecord } from './model-store';
import { oncePerModel } from './per-model';
import type { ModelsService } from './models-service';

/** The reranking model search uses. */
export interface RerankerSpec {
  modelId: string;
  name: string;
}

export interface RerankerOptions {
  models: ModelsService;
  /** Tokens a ranking context holds; longer passages are cut to fit. Defaults to min(trained, 2048). */
  maxContext?: number;
}

/**
 * Scores how well passages answer a query with an installed reranking model (a cross-encoder:
 * query and passage are read together), through node-llama-cpp's ranking context. Loads the model
 * through the runtime (fit check, per-role limit) and keeps one ranking context per loaded model.
 */
export class Reranker {
  readonly #options: RerankerOptions;
  readonly #contexts = new WeakMap<LlamaModel, Promise<{ context: LlamaRankingContext; size: number }>>();

  constructor(options: RerankerOptions) {
    this.#options = options;
  }

  /** The first installed reranking model (by import order), or `null` when there is none. */
  current(): RerankerSpec | null {
    const record = this.#options.models.usable('reranker')[0];
    return record ? { modelId: record.id, name: record.metadata.name } : null;
  }

  /** Each passage's relevance to `query`, from 0 to 1, in the passages' order. */
  async rank(spec: RerankerSpec, query: string, passages: readonly string[], signal?: AbortSignal): Promise<number[]> {
    const { models } = this.#options;
    return models.withModel(
      spec.modelId,
      'reranker',
      async ({ model, retiring, record }) => {
        const { context, size } = await this.#context(model, record);
        const queryTokens = model.tokenize(query).slice(0, Math.floor(size / 4));
        // Room for the query, the passage and the few separator tokens the context adds.
        const room = Math.max(1, size - queryTokens.length - 8);
        signal?.throwIfAborted();
        retiring.throwIfAborted();
        // One call for all: the context evaluates the pairs together in its batch.
        return context.rankAll(
          queryTokens,
          passages.map((passage) => model.tokenize(passage.trim() ? passage : ' ').slice(0, room)),
        );
      },
      { signal },
    );
  }

  #context(model: LlamaModel, record: ModelRecord): Promise<{ context: LlamaRankingContext; size: number }> {
    const size = Math.min(record.metadata.contextLength || 512, this.#options.maxContext ?? 2048);
    return oncePerModel(this.#contexts, model, async () => ({
      context: await model.createRankingContext({
        contextSize: size,
        threads: this.#options.models.threads(record).count,
      }),
      size,
    }));
  }
}
