import { z } from 'zod';

/** Message content: a string, or OpenAI's list of parts (text parts only; others are refused). */
const ContentSchema = z.union([
  z.string(),
  z
    .array(z.object({ type: z.literal('text'), text: z.string() }))
    .transform((parts) => parts.map((p) => p.text).join('')),
]);

/**
 * `POST /v1/chat/completions`. Unknown fields are ignored (clients send many); the ones read are
 * checked. `hearth` is Hearth's extension: answer from these collections, with checked citations.
 */
export const ChatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(300),
  messages: z
    .array(
      z.object({
        role: z.enum(['system', 'developer', 'user', 'assistant']),
        content: ContentSchema.nullable().default(''),
      }),
    )
    .min(1)
    .max(1000),
  stream: z.boolean().default(false),
  // One answer per request: more would cost n generations, and clients that ask for them expect n.
  n: z
    .number()
    .int()
    .min(1)
    .max(1, { error: 'Hearth answers with one choice per request: n must be 1.' })
    .nullable()
    .optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_tokens: z.number().int().min(1).max(131072).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).max(131072).nullable().optional(),
  stop: z
    .union([z.string().min(1), z.array(z.string().min(1)).max(4)])
    .nullable()
    .optional(),
  seed: z.number().int().nullable().optional(),
  response_format: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({ name: z.string().max(200), schema: z.record(z.string(), z.unknown()) }),
      }),
    ])
    .optional(),
  hearth: z.object({ collections: z.array(z.string().min(1).max(100)).min(1).max(50) }).optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequestSchema>;

/** `POST /v1/embeddings`. `input_type` picks the model's query or document prefix (default: document). */
export const EmbeddingRequestSchema = z.object({
  model: z.string().min(1).max(300),
  input: z.union([z.string(), z.array(z.string()).min(1).max(256)]),
  encoding_format: z.enum(['float', 'base64']).default('float'),
  input_type: z.enum(['query', 'document']).default('document'),
});
