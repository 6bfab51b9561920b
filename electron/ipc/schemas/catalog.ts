import { z } from 'zod';
import { MainTextSchema } from '../main-text';
import { ModelRoleSchema } from './models';
import { MachineProfileSchema, SpeedPredictionSchema } from './machine';

/**
 * What a model needs in its prompts. Chat models: whether they think aloud first (`<think>…`), and
 * whether that can be switched off. Embedders: the prefixes their training used for queries and
 * for documents, without which retrieval quality drops (e.g. nomic's `search_query: `).
 */
export const PromptFormatSchema = z
  .object({
    reasoning: z.enum(['none', 'always', 'switchable']).optional(),
    queryPrefix: z.string().optional(),
    documentPrefix: z.string().optional(),
  })
  .strict();
export type PromptFormat = z.infer<typeof PromptFormatSchema>;

/** One recommended model as native-models/catalog.json states it. */
export const CatalogFileEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  name: z.string(),
  role: ModelRoleSchema,
  family: z.string(),
  parameters: z.number().int().positive(),
  quantization: z.string(),
  /** Download size in bytes: exact where `sizeVerified`, else the hub's listed size. */
  sizeBytes: z.number().int().positive(),
  /** The size was checked against two independent public catalogs. */
  sizeVerified: z.boolean(),
  contextLength: z.number().int().positive(),
  /** KV cache per token of context at f16: layers × KV heads × head size × 2 (K, V) × 2 bytes. */
  kvBytesPerToken: z.number().int().positive(),
  license: z.string(),
  /** Hugging Face repository and file. */
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  file: z.string().regex(/^[\w.-]+\.gguf$/i),
  description: z.string(),
  embeddingLength: z.number().int().positive().optional(),
  /** Pinned hash; when absent the hub's published hash is used. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  prompt: PromptFormatSchema,
});

/** A catalog entry with what Hearth derives from it. */
export const CatalogEntrySchema = CatalogFileEntrySchema.extend({
  /** RAM to run it at a 4k context (weights, KV cache, buffers), computed by one formula. */
  minRamBytes: z.number().int().positive(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogSchema = z.object({
  version: z.literal(2),
  models: z.array(CatalogFileEntrySchema).min(1),
});

export const RecommendationSchema = z.object({
  chat: z.string().nullable(),
  embedding: z.string().nullable(),
  reason: MainTextSchema,
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const CatalogViewSchema = z.object({
  models: z.array(
    CatalogEntrySchema.extend({
      installed: z.boolean(),
      fitsThisMachine: z.boolean(),
      /** `null` while the machine has not been measured yet. */
      speed: SpeedPredictionSchema.nullable(),
    }),
  ),
  recommended: RecommendationSchema,
  /** The measured machine the predictions are for; `null` while it is being measured. */
  machine: MachineProfileSchema.nullable(),
  /** The generation speed a recommended chat model must reach (the `targetTokensPerSecond` setting). */
  targetTokensPerSecond: z.number().positive(),
});
export type CatalogView = z.infer<typeof CatalogViewSchema>;
