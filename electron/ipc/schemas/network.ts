import { z } from 'zod';

/** What Hearth may use the network for: nothing but what the user started. */
export const NetworkPurposeSchema = z.enum(['model-download', 'update-check', 'update-download']);
export type NetworkPurpose = z.infer<typeof NetworkPurposeSchema>;

/** One request Hearth made to the network: what for, to where, and how it went. */
export const NetworkRequestSchema = z.object({
  id: z.number().int().positive(),
  /** When it started (ISO 8601). */
  at: z.string(),
  /** Why: a model download or an update check the user started (the window says it in words). */
  purpose: NetworkPurposeSchema,
  method: z.string(),
  /** The host and path asked for; never a query string (it may carry a token). */
  host: z.string(),
  path: z.string(),
  /** The HTTP status, once the answer came; `null` while waiting, or when it failed before one. */
  status: z.number().int().nullable(),
  /** Why it failed without an answer: cancelled, or no answer came (refused, dropped). */
  error: z.enum(['cancelled', 'no answer']).nullable(),
});
export type NetworkRequest = z.infer<typeof NetworkRequestSchema>;
