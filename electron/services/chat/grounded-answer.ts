import type { ChatHistoryItem } from 'node-llama-cpp';
import { CitedPassageSchema, type Citation, type RetrievalTrace } from '../../ipc/schemas/chat';
import type { SearchService } from '../search/search-service';
import { verifyCitations } from './citations';
import type { ChatEngine, TurnRequest, TurnResult } from './generation';
import { fitSources, GROUNDED_SYSTEM_PROMPT, groundedQuestion, type GroundedSource } from './grounding';

/** Passages retrieved for a grounded question. */
const PASSAGES = 8;
/** Share of the context the sources may take. */
const SOURCE_SHARE = 0.45;

/** One question to answer, from documents when `collectionIds` names any. */
export interface AnswerTurn extends Omit<TurnRequest, 'history'> {
  modelId: string;
  question: string;
  /** Collections to answer from; none: the model answers on its own, without sources. */
  collectionIds: readonly number[];
  /** The turns before the question, as the model reads them (system messages included). */
  earlier: ChatHistoryItem[];
  /** System text after the grounding rules (the conversation's own prompt); none by default. */
  systemPrompt?: string;
  /** The grounded prompt, once built and before generation starts (a chat stores it with the question). */
  onPrompt?: (prompt: string) => void;
}

/** An answer with what grounded it: `null`/empty when no collection was asked for. */
export interface Answer {
  result: TurnResult;
  /** The question as the model got it, sources first. */
  prompt: string | null;
  sources: GroundedSource[];
  /** Each `[n]` of the answer, checked against its source. */
  citations: Citation[];
  trace: RetrievalTrace | null;
}

/**
 * The one way Hearth answers from documents, for the chat screen, `hearth ask` and the local API
 * alike: retrieve the question's passages, keep what fits the model's share of the context, put
 * them before the question as numbered data, generate, check each citation against its source,
 * and keep the retrieval trace. Transports differ only in how they carry the result.
 */
export class GroundedAnswers {
  readonly #search: SearchService;
  readonly #engine: ChatEngine;

  constructor(options: { search: SearchService; engine: ChatEngine }) {
    this.#search = options.search;
    this.#engine = options.engine;
  }

  async answer(turn: AnswerTurn): Promise<Answer> {
    const { modelId, question, collectionIds, earlier, systemPrompt, onPrompt, ...request } = turn;
    const grounding =
      collectionIds.length > 0 ? await this.ground(question, collectionIds, modelId, request.signal) : null;
    if (grounding) onPrompt?.(grounding.prompt);
    // Sources are data, never instructions: the grounding rules come first, always.
    const system = [grounding ? GROUNDED_SYSTEM_PROMPT : '', systemPrompt ?? ''].filter(Boolean).join('\n\n');
    const history: ChatHistoryItem[] = [
      ...(system ? [{ type: 'system' as const, text: system }] : []),
      ...earlier,
      { type: 'user', text: grounding?.prompt ?? question },
    ];
    const result = await this.#engine.generate(modelId, { ...request, history });
    return {
      result,
      prompt: grounding?.prompt ?? null,
      sources: grounding?.sources ?? [],
      citations: grounding ? resolveCitations(result.text, grounding.sources) : [],
      trace: grounding?.trace ?? null,
    };
  }

  /**
   * The question's passages from `collectionIds`, as many as fit in the model's share of the
   * context for sources; the prompt that puts them before the question; and the retrieval trace.
   */
  async ground(
    question: string,
    collectionIds: readonly number[],
    modelId: string,
    signal?: AbortSignal,
  ): Promise<{ prompt: string; sources: GroundedSource[]; trace: RetrievalTrace }> {
    const result = await this.#search.search({
      query: question,
      collectionIds: [...collectionIds],
      limit: PASSAGES,
      signal,
    });
    const budget = Math.floor(this.#engine.contextSize(modelId) * SOURCE_SHARE);
    const tokens = await this.#engine.countTokens(
      modelId,
      result.hits.map((hit) => hit.text),
      signal,
    );
    const { included } = fitSources(result.hits, tokens, budget);
    const numbers = new Map(included.map((source) => [source.hit, source.n]));
    return {
      prompt: groundedQuestion(question, included),
      sources: included,
      trace: {
        query: question,
        mode: result.mode,
        embedder: result.embedder,
        reranker: result.reranker,
        terms: result.terms,
        budgetTokens: budget,
        passages: result.hits.map((hit) => ({
          relativePath: hit.relativePath,
          page: hit.page,
          lineStart: hit.lineStart,
          lineEnd: hit.lineEnd,
          score: hit.score,
          ranks: hit.ranks,
          rerankScore: hit.rerankScore,
          n: numbers.get(hit) ?? null,
        })),
      },
    };
  }
}

/** Each `[n]` of the answer, checked against source `n` and resolved to its file and place. */
export function resolveCitations(answer: string, sources: readonly GroundedSource[]): Citation[] {
  const byNumber = new Map(sources.map((source) => [source.n, source.hit]));
  return verifyCitations(
    answer,
    sources.map((source) => ({ n: source.n, text: source.hit.text })),
  ).map((citation) => {
    const hit = byNumber.get(citation.n);
    return { ...citation, source: hit ? CitedPassageSchema.parse(hit) : null };
  });
}
