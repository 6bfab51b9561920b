import { HearthError } from '../../ipc/errors';
import type { SearchHit, SearchMode, SearchResult } from '../../ipc/schemas/search';
import { keywordQuery } from '../fts/keyword-query';
import { stitchChunks, type LibraryIndex, type StoredChunk } from '../library/reads';
import { chunkEvidence, rerankedEvidence } from './evidence';
import { rankFiles, type FileRanking } from './file-ranking';
import { fuseRanks, type RankedList } from './fusion';
import { mergeNeighbours, type Passage } from './passages';
import { HIT_END, HIT_START, snippetSegments } from './snippet';
import { mainText } from '../../ipc/main-text';

/** What search needs of the embedding models: which one is current, and query vectors by key. */
export interface QueryEmbedder {
  /** The key of the library's current embedding model, or `null` when none is installed. */
  currentKey(): string | null;
  /** Whether the model stored under `key` is installed, so queries can be embedded with it. */
  installed(key: string): boolean;
  /** The query's vector from the model stored under `key`; `null` when that model is not installed. */
  embed(key: string, text: string, signal?: AbortSignal): Promise<Float32Array | null>;
}

/** What search needs of a reranking model: which one is installed, and its scores. */
export interface QueryReranker {
  /** The installed reranking model's name, or `null` when there is none. */
  current(): string | null;
  /** Each passage's relevance to the query, from 0 to 1, in order. */
  rank(query: string, passages: readonly string[], signal?: AbortSignal): Promise<number[]>;
}

/** Relative weights of the retrievers in the fusion (fusion.ts). */
export interface FusionWeights {
  keyword: number;
  vector: number;
}

/**
 * Keyword results weigh a little more than vector ones. Not measured with a real embedding model:
 * none can be downloaded where Hearth is built, and the generated test models have random weights,
 * so on test/eval/tldr-questions.tsv every vector weight above 0.25 lowered hybrid MRR@10 (0.270
 * at 0 and 0.25, 0.250 at 0.7, 0.205 at 1). Equal-weight fusion is known to fall below a good single
 * retriever; 0.7 leans on keywords until the weights are measured with a real model, which users
 * can do on their own files with `hearth eval retrieval --sweep` (README, "Search").
 */
export const DEFAULT_WEIGHTS: FusionWeights = { keyword: 1, vector: 0.7 };

/**
 * Chunks each retriever contributes to the fusion. Fewer from vectors: their scan's cost grows with
 * the count (vector-search.ts), and past 30 a vector-only chunk's fused score is below the tail of
 * what is shown.
 */
const CANDIDATES = { keyword: 50, vector: 30 };

/**
 * Passages a reranker reads. It reads each with the query (a model evaluation per passage), so it
 * reorders the head of the fused list rather than everything retrieved.
 */
const RERANK_DEPTH = 20;

export interface SearchOptions {
  query: string;
  /** Collections to search; every collection when absent. */
  collectionIds?: number[];
  mode?: SearchMode;
  /** Hits wanted. Defaults to 10. */
  limit?: number;
  signal?: AbortSignal;
  /** Overrides the service's weights (the evaluation's sweep). */
  weights?: FusionWeights;
  /**
   * Retrievers as the evaluation's baselines: keyword as plain FTS5 `MATCH` of the raw text, vector
   * as an exact scan of the float vectors. Defaults to `false`.
   */
  baseline?: boolean;
  /** How files are ordered (`SearchResult.files`). Defaults to `fused`. */
  fileRanking?: FileRanking;
  /**
   * Reorder the best passages with the reranking model. Defaults to `true` when one is installed;
   * `true` without one is an error, as is a reranker that fails when asked for by name.
   */
  rerank?: boolean;
}

export interface SearchServiceOptions {
  /** The library's read API: the only way search reaches `library.db`. */
  index: LibraryIndex;
  embedder?: QueryEmbedder;
  reranker?: QueryReranker;
  /** Defaults to `DEFAULT_WEIGHTS`. */
  weights?: FusionWeights;
}

/**
 * Hybrid retrieval over the library: FTS5 bm25 and sqlite-vec KNN, fused by weighted reciprocal
 * rank, neighbouring chunks merged, the best of them reordered by a reranking model when one is
 * installed, each hit with its file, page, lines, heading path and a snippet. Keyword only when
 * the library has no vectors.
 */
export class SearchService {
  readonly #options: SearchServiceOptions;

  constructor(options: SearchServiceOptions) {
    this.#options = options;
  }

  async search(options: SearchOptions): Promise<SearchResult> {
    const started = performance.now();
    const { index } = this.#options;
    const limit = options.limit ?? 10;
    const scope = options.collectionIds;
    const { terms } = keywordQuery(options.query);
    const vectors = await this.#queryVector(options);
    const mode = resolveMode(options.mode ?? 'auto', vectors !== null);
    const weights = options.weights ?? this.#options.weights ?? DEFAULT_WEIGHTS;

    const lists: RankedList[] = [];
    const scores = { keyword: new Map<number, number>(), vector: new Map<number, number>() };
    if (mode !== 'vector') {
      const hits = index.keywordHits(options.query, {
        collectionIds: scope,
        limit: CANDIDATES.keyword,
        raw: options.baseline,
      });
      lists.push({ name: 'keyword', weight: weights.keyword, ids: hits.map((hit) => hit.chunkId) });
      for (const hit of hits) scores.keyword.set(hit.chunkId, -hit.score);
    }
    if (mode !== 'keyword' && vectors) {
      const hits = options.baseline
        ? index.exactNearestChunks(vectors.embedderId, vectors.query, CANDIDATES.vector)
        : index.nearestChunks(vectors.embedderId, vectors.query, { collectionIds: scope, limit: CANDIDATES.vector });
      lists.push({ name: 'vector', weight: weights.vector, ids: hits.map((hit) => hit.chunkId) });
      for (const hit of hits) scores.vector.set(hit.chunkId, 1 - hit.distance);
    }
    const fused = fuseRanks(lists);
    const byId = new Map(fused.map((item) => [item.id, item]));
    // Enough chunks that merging neighbours still leaves `limit` passages.
    const top = fused.slice(0, limit * 3);
    // Every candidate's row: files are ranked on all the evidence, passages from the top.
    const rows = index.chunks(fused.map((item) => item.id));
    const ranked = top.flatMap((item) => rows.get(item.id) ?? []);
    const merged = mergeNeighbours(ranked);
    const reranked = await this.#rerank(options, merged.slice(0, Math.max(limit, RERANK_DEPTH)));
    const passages = (reranked?.passages ?? merged).slice(0, limit);
    const relativePath = index.relativePaths();
    const evidence = reranked
      ? rerankedEvidence([...reranked.passages, ...merged.filter((passage) => !reranked.scores.has(passage))])
      : chunkEvidence(
          fused.map((item) => item.id),
          rows,
          scores,
          weights,
        );
    const pathOf = new Map([...rows.values()].map((row) => [row.documentId, row]));
    const files = rankFiles(evidence, terms, options.fileRanking ?? 'fused').map(({ documentId, score }) => {
      const row = pathOf.get(documentId)!;
      return { documentId, relativePath: relativePath(row.collectionId, row.path), score };
    });
    const marked = this.#highlighted(
      passages.flatMap((passage) => passage.chunks.map((chunk) => chunk.id)),
      options.baseline ? null : keywordQuery(options.query).match,
    );
    return {
      mode,
      hits: passages.map((passage) => ({
        ...toHit(passage, byId, marked, relativePath),
        ...(reranked && { rerankScore: reranked.scores.get(passage)! }),
      })),
      files,
      terms,
      embedder: mode === 'keyword' ? null : (vectors?.name ?? null),
      reranker: reranked?.name ?? null,
      tookMs: performance.now() - started,
    };
  }

  /**
   * Every file of a collection as hits name it (`relativePath`), whatever its status: what a
   * question of a retrieval evaluation may expect to find.
   */
  filesOf(collectionId: number): string[] {
    return this.#options.index.filesOf(collectionId);
  }

  /**
   * The embedding model whose vectors serve search, if any is stored and installed: what `auto`
   * mode would use, and what the evaluation names.
   */
  vectorModel(): string | null {
    const embedder = this.#options.embedder;
    const serving = embedder && this.#options.index.servingEmbedder(embedder.currentKey());
    return serving && embedder.installed(serving.key) ? serving.name : null;
  }

  /** The installed reranking model's name, if any: what the evaluation names. */
  rerankModel(): string | null {
    return this.#options.reranker?.current() ?? null;
  }

  /**
   * The passages ordered by the reranker's scores (ties keep the fused order), or `null` when no
   * reranking is done. Like a broken embedder, a broken reranker in the default case leaves the
   * fused order; asked for by name, its failure is the answer.
   */
  async #rerank(
    options: SearchOptions,
    passages: Passage[],
  ): Promise<{ name: string; passages: Passage[]; scores: Map<Passage, number> } | null> {
    const reranker = this.#options.reranker;
    const name = reranker?.current() ?? null;
    if (options.rerank === false || (options.rerank === undefined && !name)) return null;
    if (!reranker || !name) {
      throw new HearthError('MODEL_NOT_FOUND', mainText('search.needsReranker'));
    }
    if (passages.length === 0) return { name, passages, scores: new Map() };
    let values: number[];
    try {
      values = await reranker.rank(
        options.query,
        passages.map((passage) => stitchChunks(passage.chunks)),
        options.signal,
      );
    } catch (error) {
      if (options.rerank === true || options.signal?.aborted) throw error;
      console.warn('[search] the reranking model failed; keeping the fused order:', error);
      return null;
    }
    const scores = new Map(passages.map((passage, i) => [passage, values[i]!]));
    const order = passages
      .map((passage, i) => ({ passage, i }))
      .sort((a, b) => scores.get(b.passage)! - scores.get(a.passage)! || a.i - b.i);
    return { name, passages: order.map((item) => item.passage), scores };
  }

  /** The query's vector and the embedder whose table serves, or `null` when there is none. */
  async #queryVector(
    options: SearchOptions,
  ): Promise<{ embedderId: number; name: string; query: Float32Array } | null> {
    const embedder = this.#options.embedder;
    if (!embedder || options.mode === 'keyword') return null;
    const serving = this.#options.index.servingEmbedder(embedder.currentKey());
    if (!serving) return null;
    let query: Float32Array | null;
    try {
      query = await embedder.embed(serving.key, options.query, options.signal);
    } catch (error) {
      // In `auto` mode a model that cannot embed (it does not fit now, its file broke) must not
      // take keyword search down with it; asked for by name, the failure is the answer.
      if (options.mode !== 'auto' && options.mode !== undefined) throw error;
      if (options.signal?.aborted) throw error;
      console.warn('[search] the embedding model failed; searching by keyword only:', error);
      return null;
    }
    return query && { embedderId: serving.id, name: serving.name, query };
  }

  /** Each chunk's text with the matched terms marked by FTS5 itself (so stemming agrees). */
  #highlighted(chunkIds: number[], match: string | null): Map<number, string> {
    if (!match || chunkIds.length === 0) return new Map();
    return this.#options.index.highlighted(chunkIds, match, { start: HIT_START, end: HIT_END });
  }
}

function resolveMode(mode: SearchMode, hasVectors: boolean): SearchResult['mode'] {
  if (mode === 'auto') return hasVectors ? 'hybrid' : 'keyword';
  if (mode !== 'keyword' && !hasVectors) {
    throw new HearthError('MODEL_NOT_FOUND', mainText('search.needsEmbedder'));
  }
  return mode;
}

function toHit(
  passage: Passage,
  fused: Map<number, { score: number; ranks: Record<string, number> }>,
  marked: Map<number, string>,
  relativePath: (collectionId: number, path: string) => string,
): SearchHit {
  const chunks = passage.chunks;
  const first = chunks[0]!;
  const best = chunks.reduce<StoredChunk>(
    (winner, chunk) => ((fused.get(chunk.id)?.score ?? 0) > (fused.get(winner.id)?.score ?? 0) ? chunk : winner),
    first,
  );
  const { score, ranks } = fused.get(best.id) ?? { score: 0, ranks: {} };
  return {
    documentId: first.documentId,
    collectionId: first.collectionId,
    path: first.path,
    relativePath: relativePath(first.collectionId, first.path),
    type: first.type,
    chunkIds: chunks.map((chunk) => chunk.id),
    page: first.page,
    lineStart: Math.min(...chunks.map((chunk) => chunk.lineStart)),
    lineEnd: Math.max(...chunks.map((chunk) => chunk.lineEnd)),
    headingPath: best.headingPath,
    snippet: snippetSegments(marked.get(best.id) ?? best.text),
    text: stitchChunks(chunks),
    score,
    ranks: { keyword: ranks['keyword'], vector: ranks['vector'] },
  };
}
