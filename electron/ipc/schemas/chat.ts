import { z } from 'zod';
import { MainTextSchema } from '../main-text';
import { SearchHitSchema } from './search';
import { ErrorCodeSchema } from '../errors';

/** Sampling settings of a conversation; absent fields take the model's settings. */
export const GenerationSettingsSchema = z.object({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  /** The most tokens an answer may have. */
  maxTokens: z.number().int().min(1).max(32_768).optional(),
  seed: z.number().int().nonnegative().optional(),
});
export type GenerationSettings = z.infer<typeof GenerationSettingsSchema>;

export const ConversationSchema = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  /** The chat model for this conversation; `null` uses whichever chat model is loaded or first installed. */
  modelId: z.string().nullable(),
  systemPrompt: z.string(),
  /** Collections its answers are grounded in; none means a plain chat. */
  collectionIds: z.array(z.number().int().positive()),
  generation: GenerationSettingsSchema,
  /** The last message of the branch shown; `null` for an empty conversation. */
  activeLeafId: z.number().int().positive().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const MessageStatusSchema = z.enum(['done', 'streaming', 'stopped', 'failed']);

/** Speed and size of one generated answer. */
export const GenerationStatsSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  /** Tokens the model had to evaluate for this turn (the rest were kept from the previous turn). */
  evaluatedTokens: z.number().int().nonnegative(),
  generatedTokens: z.number().int().nonnegative(),
  timeToFirstTokenMs: z.number().nonnegative(),
  /** The tokens after the first, per second from the first token to the last (0 for fewer than two). */
  tokensPerSecond: z.number().nonnegative(),
  totalMs: z.number().nonnegative(),
  /**
   * Tokens guessed ahead (by prompt lookup or a draft model), and the share of them the model
   * confirmed (`null`: no guesses).
   */
  predictedTokens: z.number().int().nonnegative().default(0),
  lookupAcceptance: z.number().min(0).max(1).nullable().default(null),
  /** What made the guesses: the prompt (`lookup`), a draft model (`draft`), or nothing. */
  predictor: z.enum(['lookup', 'draft']).nullable().default(null),
});
export type GenerationStats = z.infer<typeof GenerationStatsSchema>;

/** What a citation keeps of the search hit it cites. */
export const CitedPassageSchema = SearchHitSchema.pick({
  documentId: true,
  path: true,
  relativePath: true,
  page: true,
  lineStart: true,
  lineEnd: true,
  headingPath: true,
  chunkIds: true,
  text: true,
});
export type CitedPassage = z.infer<typeof CitedPassageSchema>;

/** A `[n]` of an answer, resolved to its passage and checked against it (chat/citations.ts). */
export const CitationSchema = z.object({
  n: z.number().int().nonnegative(),
  markerStart: z.number().int().nonnegative(),
  markerEnd: z.number().int().nonnegative(),
  claim: z.string(),
  status: z.enum(['supported', 'unsupported', 'out-of-range']),
  kind: z.enum(['quote', 'paraphrase']),
  score: z.number().min(0).max(1),
  /** The supporting stretch of the passage; `null` when none was found. */
  match: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).nullable(),
  /** The passage cited; `null` for a number no source had. */
  source: CitedPassageSchema.nullable(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** How an answer's sources were found: every passage retrieved, and which went into the prompt. */
export const RetrievalTraceSchema = z.object({
  query: z.string(),
  mode: z.enum(['keyword', 'vector', 'hybrid']),
  embedder: z.string().nullable(),
  /** The reranking model that reordered the passages, if one did. */
  reranker: z.string().nullable().default(null),
  terms: z.array(z.string()),
  /** Tokens the sources could use. */
  budgetTokens: z.number().int().nonnegative(),
  passages: z.array(
    z.object({
      relativePath: z.string(),
      page: z.number().int().positive().nullable(),
      lineStart: z.number().int().nonnegative(),
      lineEnd: z.number().int().nonnegative(),
      score: z.number(),
      ranks: SearchHitSchema.shape.ranks,
      rerankScore: SearchHitSchema.shape.rerankScore,
      /** Its number in the prompt, or `null` when it was dropped for the budget. */
      n: z.number().int().positive().nullable(),
    }),
  ),
});
export type RetrievalTrace = z.infer<typeof RetrievalTraceSchema>;

export const MessageSchema = z.object({
  id: z.number().int().positive(),
  conversationId: z.number().int().positive(),
  parentId: z.number().int().positive().nullable(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  /** A reasoning model's `<think>` text, kept apart from the answer. */
  reasoning: z.string(),
  status: MessageStatusSchema,
  modelId: z.string().nullable(),
  stats: GenerationStatsSchema.nullable(),
  citations: z.array(CitationSchema),
  trace: RetrievalTraceSchema.nullable(),
  /** Why the answer failed, in the user's words; `null` unless `status` is `failed`. */
  error: z.string().nullable(),
  /**
   * The failure's code, which the window acts on (errors.ts says how); `null` when it did not fail,
   * or failed before codes were kept.
   */
  errorCode: ErrorCodeSchema.nullable(),
  /** The failure's sentence by key, for the window to translate; `null` when main wrote it without one. */
  errorText: MainTextSchema.nullable(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ConversationViewSchema = z.object({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
  /** The branch shown, first message first, each with its siblings' ids (itself included). */
  branch: z.array(
    z.object({ messageId: z.number().int().positive(), siblingIds: z.array(z.number().int().positive()) }),
  ),
});
export type ConversationView = z.infer<typeof ConversationViewSchema>;

/** What an answer in progress reports: the messages as they are created, then text as it streams. */
export const AnswerEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: MessageSchema }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('reasoning'), text: z.string() }),
  /** A whole-collection summary: files summarised so far, of how many. */
  z.object({
    type: z.literal('progress'),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
]);
export type AnswerEvent = z.infer<typeof AnswerEventSchema>;

export const ChatSearchHitSchema = z.object({
  conversationId: z.number().int().positive(),
  conversationTitle: z.string(),
  messageId: z.number().int().positive(),
  role: z.enum(['user', 'assistant']),
  /** Around the matched words, which are wrapped in \u0002 … \u0003. */
  snippet: z.string(),
});

const id = z.number().int().positive();
const content = z.string().trim().min(1).max(100_000);
const conversationFields = {
  modelId: z.string().nullable().optional(),
  systemPrompt: z.string().max(20_000).optional(),
  collectionIds: z.array(id).max(1000).optional(),
  generation: GenerationSettingsSchema.optional(),
};

export const ChatSchemas = {
  conversationId: z.object({ conversationId: id }),
  create: z.object(conversationFields),
  update: z.object({ conversationId: id, title: z.string().trim().min(1).max(200).optional(), ...conversationFields }),
  messageId: z.object({ messageId: id }),
  search: z.object({ query: z.string().trim().min(1).max(2000), limit: z.number().int().min(1).max(200).default(50) }),
  export: z.object({
    conversationId: id,
    format: z.enum(['markdown', 'json']),
    /** The branch shown, or every branch. */
    scope: z.enum(['branch', 'tree']).default('branch'),
  }),
  send: z.object({
    conversationId: id,
    content,
    /** The answer the question follows; the end of the branch shown when absent. */
    parentId: id.nullable().optional(),
  }),
  edit: z.object({ messageId: id, content }),
};
