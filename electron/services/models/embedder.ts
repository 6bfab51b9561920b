import { basename } from 'node:path';
import type { LlamaEmbeddingContext, LlamaModel, Token } from 'node-llama-cpp';
import { HearthError } from '../../ipc/errors';
import type { CatalogEntry } from '../../ipc/schemas/catalog';
import type { ModelRecord } from './model-store';
import { oncePerModel } from './per-model';
import type { ModelsService } from './models-service';

/** The embedding model the library uses, and what its vectors need. */
export interface EmbedderSpec {
  modelId: string;
  /** Identifies the weights (file name and size): the same file installed again reuses its vectors. */
  key: string;
  name: string;
  dimensions: number;
  /** Put before each document chunk and each query: the model was trained with them (catalog). */
  documentPrefix: string;
  queryPrefix: string;
}

/** How chunks are sized for an embedding model (see `Embedder.chunking`). */
export interface ChunkSizing {
  /** The most tokens a chunk should have. */
  maxTokens: number;
}

/** Main's event loop is lent to tokenizing a few milliseconds at a time, then given back. */
const TOKENIZE_SLICE_MS = 8;

export interface EmbedderOptions {
  models: ModelsService;
  catalog: readonly CatalogEntry[];
  /** The model the user chose for the library (a setting); `null` picks the first installed one. */
  chosen?: () => string | null;
  /** Tokens an embedding context holds; longer texts are cut to fit. Defaults to min(trained, 2048). */
  maxContext?: number;
}

/**
 * Turns text into vectors with the library's embedding model, in the main process (where
 * node-llama-cpp lives): loads the model on first use through the runtime (fit check, per-role
 * limit), keeps one embedding context per loaded model, adds the model's prefixes, cuts what is
 * longer than the context, and returns unit-length vectors (cosine distance is then a dot product).
 */
export class Embedder {
  readonly #options: EmbedderOptions;
  readonly #contexts = new WeakMap<LlamaModel, Promise<SizedContext>>();

  constructor(options: EmbedderOptions) {
    this.#options = options;
  }

  /** The embedding model in use: the chosen one if installed, else the first installed; or none. */
  current(): EmbedderSpec | null {
    const installed = this.#installed();
    const chosen = this.#options.chosen?.() ?? null;
    const record = installed.find((candidate) => candidate.id === chosen) ?? installed[0];
    return record ? this.#spec(record) : null;
  }

  /**
   * The installed model whose vectors are stored under `key`, or `null` if it is gone. Search
   * embeds its query with the model whose vectors serve, which is not the current one while a
   * newly chosen model is still filling its table.
   */
  withKey(key: string): EmbedderSpec | null {
    return (
      this.#installed()
        .map((record) => this.#spec(record))
        .find((spec) => spec.key === key) ?? null
    );
  }

  /** The installed embedding model `modelId`, or `null` when there is no such embedding model. */
  forModel(modelId: string): EmbedderSpec | null {
    const record = this.#installed().find((candidate) => candidate.id === modelId);
    return record ? this.#spec(record) : null;
  }

  #installed(): ModelRecord[] {
    return this.#options.models.usable('embedding');
  }

  /**
   * How to size chunks for the model: the most tokens a chunk should have (256, or less when the
   * model's context is smaller, leaving room for its document prefix). Loads the model if needed.
   */
  async chunking(spec: EmbedderSpec, signal?: AbortSignal): Promise<ChunkSizing> {
    const { models } = this.#options;
    return models.withModel(
      spec.modelId,
      'embedding',
      async ({ model, record }) => {
        const { size } = await this.#context(model, record);
        const prefixTokens = model.tokenize(spec.documentPrefix).length;
        return { maxTokens: Math.max(32, Math.min(256, size - prefixTokens - 16)) };
      },
      { signal },
    );
  }

  /**
   * Tokens in each text by the model's own tokenizer (chunks are sized by it). Tokenizing is
   * synchronous native work on main's thread: it runs in slices of a few milliseconds, yielding
   * between them, so a large document never holds the window.
   */
  async countTokens(spec: EmbedderSpec, texts: readonly string[], signal?: AbortSignal): Promise<number[]> {
    const { models } = this.#options;
    return models.withModel(
      spec.modelId,
      'embedding',
      async ({ model, retiring }) => {
        const counts: number[] = [];
        let sliceStart = performance.now();
        for (const text of texts) {
          counts.push(model.tokenize(text).length);
          if (performance.now() - sliceStart > TOKENIZE_SLICE_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            signal?.throwIfAborted();
            retiring.throwIfAborted();
            sliceStart = performance.now();
          }
        }
        return counts;
      },
      { signal },
    );
  }

  /** Vectors for document chunks, in order. */
  embedDocuments(spec: EmbedderSpec, texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    return this.#embed(
      spec,
      texts.map((text) => spec.documentPrefix + text),
      signal,
    );
  }

  /** The vector of a search query. */
  async embedQuery(spec: EmbedderSpec, text: string, signal?: AbortSignal): Promise<Float32Array> {
    const [vector] = await this.#embed(spec, [spec.queryPrefix + text], signal);
    return vector!;
  }

  async #embed(spec: EmbedderSpec, texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const { models } = this.#options;
    return models.withModel(
      spec.modelId,
      'embedding',
      async ({ model, retiring, record }) => {
        const { context, size } = await this.#context(model, record);
        const vectors: Float32Array[] = [];
        for (const text of texts) {
          signal?.throwIfAborted();
          retiring.throwIfAborted();
          const embedding = await context.getEmbeddingFor(fitTokens(model, text, size));
          const vector = unitLength(embedding.vector);
          if (vector.length !== spec.dimensions) {
            throw new HearthError(
              'INTERNAL',
              `${spec.name} gave ${vector.length}-dimensional vectors; its file says ${spec.dimensions}.`,
            );
          }
          vectors.push(vector);
        }
        return vectors;
      },
      { signal },
    );
  }

  #context(model: LlamaModel, record: ModelRecord): Promise<SizedContext> {
    return oncePerModel(this.#contexts, model, async () => {
      const { models } = this.#options;
      // Beside a loaded chat model, leave it a core: generation stays responsive while files index.
      const threads = models.threads(record).count;
      const besideChat = models.activeId('chat') !== null && threads > 1;
      const size = Math.min(record.metadata.contextLength || 512, this.#options.maxContext ?? 2048);
      const context = await model.createEmbeddingContext({
        contextSize: size,
        threads: besideChat ? threads - 1 : threads,
      });
      return { context, size };
    });
  }

  #spec(record: ModelRecord): EmbedderSpec {
    const file = basename(record.path);
    const entry = this.#options.catalog.find((candidate) => candidate.file === file);
    return {
      modelId: record.id,
      key: `${file}:${record.metadata.fileSize}`,
      name: record.metadata.name,
      dimensions: entry?.embeddingLength ?? record.metadata.embeddingLength,
      documentPrefix: entry?.prompt.documentPrefix ?? '',
      queryPrefix: entry?.prompt.queryPrefix ?? '',
    };
  }
}

interface SizedContext {
  context: LlamaEmbeddingContext;
  /** Tokens it holds. */
  size: number;
}

/**
 * The text's tokens, cut to what the context holds with the beginning and end tokens the
 * embedding context adds (it refuses longer input outright). Chunk sizes are an estimate, so a
 * dense chunk can come out longer than planned; its head is what it is about.
 */
function fitTokens(model: LlamaModel, text: string, contextSize: number): Token[] {
  const tokens = model.tokenize(text.trim() ? text : ' ');
  const room = Math.max(1, contextSize - 3);
  return tokens.length > room ? tokens.slice(0, room) : tokens;
}

function unitLength(values: readonly number[]): Float32Array {
  let norm = 0;
  for (const value of values) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(values, (value) => value / norm);
}
