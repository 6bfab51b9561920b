import type {
  ChatHistoryItem,
  GbnfJsonSchema,
  LlamaChat,
  LlamaContext,
  LlamaContextSequence,
  LlamaModel,
} from 'node-llama-cpp';
import { HearthError } from '../../ipc/errors';
import type { GenerationStats } from '../../ipc/schemas/chat';
import type { ModelRecord } from '../models/model-store';
import type { ModelsService } from '../models/models-service';
import { openDraft } from './draft-model';
import { checkPromptFits } from './prompt-fit';
import type { Sampling } from './sampling';

export interface TurnRequest {
  /** The branch up to and including the user's message; the answer is generated after it. */
  history: ChatHistoryItem[];
  sampling: Sampling;
  /** Stops generation within a token; what was generated is kept and returned. */
  signal?: AbortSignal;
  onText?: (text: string) => void;
  /** A reasoning model's thought segments (`<think>`), apart from the answer. */
  onReasoning?: (text: string) => void;
  /** Texts that end the answer when generated (not included in it). */
  stop?: readonly string[];
  /** A JSON schema the answer must follow (`any`: any JSON value), enforced by a grammar while sampling. */
  jsonSchema?: GbnfJsonSchema | 'any';
}

export interface TurnResult {
  text: string;
  reasoning: string;
  stopReason: 'eogToken' | 'stopGenerationTrigger' | 'maxTokens' | 'abort' | 'other';
  stats: GenerationStats;
}

interface Session {
  context: LlamaContext;
  sequence: LlamaContextSequence;
  chat: LlamaChat;
  /** What guesses tokens ahead on this sequence, if anything. */
  predictor: GenerationStats['predictor'];
  /** The draft model and its context, owned by the session. */
  draft: { model: LlamaModel; context: LlamaContext } | null;
  /** Answers run one at a time on the sequence. */
  queue: Promise<unknown>;
  /**
   * The last turn: the history it answered (with its answer) and the context window node-llama-cpp
   * kept for it (after any context shift). A follow-up of exactly that history continues from the
   * window; anything else (another conversation, a regeneration, an edit) must not.
   */
  last: { history: ChatHistoryItem[]; contextWindow: ChatHistoryItem[] } | null;
}

/** A session with the settings it was made with: a change of them makes a new one. */
interface SessionSlot {
  settings: string;
  session: Promise<Session>;
}

/**
 * Generates answers with node-llama-cpp in the main process. Each loaded chat model keeps one
 * context sequence across turns: a follow-up, a regeneration or a switch of branch evaluates only
 * the tokens after what the sequence already holds (node-llama-cpp compares the new prompt with
 * the sequence's tokens and keeps the common prefix). When the window fills, node-llama-cpp shifts
 * the context (drops the oldest turns, keeps the system prompt).
 */
export interface ChatEngineOptions {
  /**
   * Prompt-lookup decoding: node-llama-cpp's input-lookup token predictor guesses the next tokens
   * from spans of the prompt (grounded answers copy from their sources) and validates them in one
   * batch. The output is what greedy decoding gives anyway; only the speed changes. Defaults to `true`.
   */
  promptLookup?: boolean;
  /**
   * How a draft model drafts (see node-llama-cpp's DraftSequenceTokenPredictor): `minTokens`, the
   * guesses to wait for before each check (defaults to 0: use whatever is ready, never wait), and
   * `minConfidence`, the least probability the draft must give a token to keep drafting (defaults
   * to 0.6).
   */
  draft?: { minTokens?: number; minConfidence?: number };
}

export class ChatEngine {
  readonly #models: ModelsService;
  readonly #options: ChatEngineOptions;
  readonly #sessions = new WeakMap<LlamaModel, SessionSlot>();

  constructor(models: ModelsService, options: ChatEngineOptions = {}) {
    this.#models = models;
    this.#options = options;
  }

  /** The model's context size in tokens, as a session would create it. */
  contextSize(model: ModelRecord | string): number {
    const record = typeof model === 'string' ? this.#models.find(model) : model;
    return record.settings.contextSize ?? Math.min(record.metadata.contextLength || 4096, 4096);
  }

  /** Tokens in each text by the model's own tokenizer (loads the model if needed). */
  async countTokens(modelId: string, texts: readonly string[], signal?: AbortSignal): Promise<number[]> {
    const models = this.#models;
    return models.withModel(
      modelId,
      'chat',
      ({ model }) => Promise.resolve(texts.map((text) => model.tokenize(text).length)),
      { signal },
    );
  }

  async generate(modelId: string, request: TurnRequest): Promise<TurnResult> {
    const models = this.#models;
    return models.withModel(
      modelId,
      'chat',
      async ({ model, retiring, record }) => {
        const session = await this.#session(model, record, request.signal);
        const run = session.queue.then(() => this.#turn(session, request, retiring));
        session.queue = run.catch(() => undefined);
        return run;
      },
      { signal: request.signal },
    );
  }

  async #turn(session: Session, request: TurnRequest, retiring: AbortSignal): Promise<TurnResult> {
    const signal = AbortSignal.any([request.signal ?? new AbortController().signal, retiring]);
    checkPromptFits(session.chat, request.history, session.context.contextSize);
    const meter = session.sequence.tokenMeter;
    const before = { input: meter.usedInputTokens, output: meter.usedOutputTokens };
    const predictionsBefore = { ...session.sequence.tokenPredictions };
    const started = performance.now();
    let firstTokenAt = 0;
    // When the first and the last token came, for the rate: the time between tokens, as a bare
    // evaluation loop measures it (what the answer does after its last token is in `totalMs`).
    let [firstEmittedAt, lastEmittedAt, firstBatch] = [0, 0, 0];
    let emitted = 0;
    let text = '';
    let reasoning = '';
    const { sampling } = request;
    // A schema node-llama-cpp cannot turn into a grammar is the caller's mistake, said as such.
    const { llama } = session.context.model;
    const grammar =
      request.jsonSchema === 'any'
        ? await llama.getGrammarFor('json')
        : request.jsonSchema
          ? await llama.createGrammarForJsonSchema(request.jsonSchema as never).catch((error: unknown) => {
              throw new HearthError('VALIDATION', `The JSON schema cannot be enforced: ${(error as Error).message}`);
            })
          : undefined;
    let response;
    try {
      response = await session.chat.generateResponse([...request.history, { type: 'model', response: [] }], {
        signal,
        stopOnAbortSignal: true,
        temperature: sampling.temperature,
        topP: sampling.topP,
        topK: sampling.topK,
        minP: sampling.minP,
        seed: sampling.seed,
        maxTokens: sampling.maxTokens,
        repeatPenalty: sampling.repeatPenalty === 1 ? false : { penalty: sampling.repeatPenalty },
        lastEvaluationContextWindow: continuedWindow(session.last, request.history),
        customStopTriggers: request.stop?.length ? request.stop : undefined,
        grammar,
        onToken(tokens) {
          lastEmittedAt = performance.now();
          if (!firstEmittedAt) [firstEmittedAt, firstBatch] = [lastEmittedAt, tokens.length];
          emitted += tokens.length;
        },
        onResponseChunk(chunk) {
          if (!firstTokenAt) firstTokenAt = performance.now();
          if (chunk.type === 'segment') {
            if (chunk.segmentType !== 'thought') return;
            reasoning += chunk.text;
            request.onReasoning?.(chunk.text);
          } else {
            text += chunk.text;
            request.onText?.(chunk.text);
          }
        },
      });
    } catch (error) {
      // The sequence may hold a half-evaluated prompt: the next turn compares tokens again anyway.
      session.last = null;
      throw error;
    }
    session.last = {
      history: [...request.history, { type: 'model', response: [response.response] }],
      contextWindow: response.lastEvaluation.contextWindow,
    };
    const finished = performance.now();
    const predictions = session.sequence.tokenPredictions;
    const validated = predictions.validated - predictionsBefore.validated;
    const refuted = predictions.refuted - predictionsBefore.refuted;
    // Counted as they are emitted: the meter also counts guesses that were checked but not kept.
    const generated = emitted;
    const generateSeconds = (lastEmittedAt - firstEmittedAt) / 1000;
    const stop = response.metadata.stopReason;
    return {
      text: response.response || text,
      reasoning,
      stopReason:
        stop === 'eogToken' || stop === 'stopGenerationTrigger' || stop === 'maxTokens' || stop === 'abort'
          ? stop
          : 'other',
      stats: {
        promptTokens: Math.max(0, session.sequence.contextTokens.length - generated),
        evaluatedTokens: meter.usedInputTokens - before.input,
        generatedTokens: generated,
        timeToFirstTokenMs: firstTokenAt ? firstTokenAt - started : finished - started,
        tokensPerSecond: generateSeconds > 0 ? (generated - firstBatch) / generateSeconds : 0,
        totalMs: finished - started,
        predictedTokens: validated + refuted,
        lookupAcceptance: validated + refuted > 0 ? validated / (validated + refuted) : null,
        predictor: session.predictor,
      },
    };
  }

  /**
   * The model's session: made on first use, and made again (after the answers on the old one
   * finish) when a setting it was made with changes, such as the context size or draft model.
   */
  #session(model: LlamaModel, record: ModelRecord, signal?: AbortSignal): Promise<Session> {
    const settings = JSON.stringify([
      this.contextSize(record),
      this.#models.threads(record).count,
      record.settings.flashAttention,
      record.settings.draftModelId,
    ]);
    const slot = this.#sessions.get(model);
    if (slot?.settings === settings) return slot.session;
    const previous = slot?.session.then(
      (old) => old.queue.then(() => disposeSession(old)),
      () => undefined,
    );
    const session = (async () => {
      await previous;
      return this.#createSession(model, record, signal);
    })();
    this.#sessions.set(model, { settings, session });
    session.catch(() => {
      if (this.#sessions.get(model)?.session === session) this.#sessions.delete(model);
    });
    return session;
  }

  async #createSession(model: LlamaModel, record: ModelRecord, signal?: AbortSignal): Promise<Session> {
    const contextOptions = {
      contextSize: this.contextSize(record),
      sequences: 1,
      threads: this.#models.threads(record).count,
      flashAttention: record.settings.flashAttention,
    };
    const draft = record.settings.draftModelId
      ? await openDraft(this.#models, model, record, contextOptions, signal)
      : null;
    // Loaded here, not at start-up: a command that never generates never loads node-llama-cpp.
    const { DraftSequenceTokenPredictor, InputLookupTokenPredictor, LlamaChat } = await import('node-llama-cpp');
    try {
      const context = await model.createContext(contextOptions);
      const predictor = draft
        ? new DraftSequenceTokenPredictor(draft.context.getSequence(), this.#options.draft)
        : this.#options.promptLookup === false
          ? null
          : new InputLookupTokenPredictor();
      const sequence = context.getSequence(predictor ? { tokenPredictor: predictor } : {});
      return {
        context,
        sequence,
        chat: new LlamaChat({ contextSequence: sequence }),
        predictor: draft ? 'draft' : predictor ? 'lookup' : null,
        draft,
        queue: Promise.resolve(),
        last: null,
      };
    } catch (error) {
      await draft?.model.dispose();
      throw error;
    }
  }
}

/**
 * The context window to continue from, when `history` is the last turn's history plus one new
 * message: that window (the shifted view of the same conversation) with the message appended.
 * node-llama-cpp uses a window it is given in place of the history whenever the sequence's tokens
 * overlap it, so handing it the window of another history would answer the wrong conversation
 * (a regeneration would continue the answer it replaces). Otherwise `undefined`: node-llama-cpp
 * then compares tokens and still reuses the common prefix.
 */
function continuedWindow(
  last: Session['last'],
  history: readonly ChatHistoryItem[],
): { history: ChatHistoryItem[] } | undefined {
  if (!last || history.length !== last.history.length + 1) return undefined;
  const same = last.history.every((item, i) => JSON.stringify(item) === JSON.stringify(history[i]));
  return same ? { history: [...last.contextWindow, history.at(-1)!] } : undefined;
}

/** Frees a session's context, and its draft model if it has one. */
async function disposeSession(session: Session): Promise<void> {
  await session.context.dispose();
  await session.draft?.model.dispose();
}
