import { z } from 'zod';

/** One request Hearth made to the network: what for, to where, and how it went. */
export const NetworkRequestSchema = z.object({
  id: z.number().int().positive(),
  /** When it started (ISO 8601). */
  at: z.string(),
  /** Why, in the user's words: "Model download". */
  purpose: z.string(),
  method: z.string(),
  /** The host and path asked for; never a query string (it may carry a token). */
  host: z.string(),
  path: z.string(),
  /** The HTTP status, once the answer came; `null` while waiting, or when it failed before one. */
  status: z.number().int().nullable(),
  /** Why it failed without an answer (refused, dropped, cancelled). */
  error: z.string().nullable(),
});
export type NetworkRequest = z.infer<typeof NetworkRequestSchema>;
