import { z } from 'zod';
import { ModelRoleSchema } from './models';

/** One recommended model in native-models/catalog.json. */
export const CatalogEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  name: z.string(),
  role: ModelRoleSchema,
  family: z.string(),
  parameters: z.number().int().positive(),
  quantization: z.string(),
  /** Approximate download size in bytes. */
  sizeBytes: z.number().int().positive(),
  contextLength: z.number().int().positive(),
  license: z.string(),
  /** Approximate RAM to run it at a 4k context. */
  minRamBytes: z.number().int().positive(),
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
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogSchema = z.object({
  version: z.literal(1),
  models: z.array(CatalogEntrySchema).min(1),
});

export const RecommendationSchema = z.object({
  chat: z.string().nullable(),
  embedding: z.string().nullable(),
  reason: z.string(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const CatalogViewSchema = z.object({
  models: z.array(CatalogEntrySchema.extend({ installed: z.boolean(), fitsThisMachine: z.boolean() })),
  recommended: RecommendationSchema,
});
export type CatalogView = z.infer<typeof CatalogViewSchema>;
