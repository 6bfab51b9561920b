import { z } from 'zod';
import { MainTextSchema } from '../main-text';

/** One request the local API served. Never holds prompt or answer text. */
export const ApiLogEntrySchema = z.object({
  /** ISO time the request arrived. */
  time: z.string(),
  method: z.string(),
  /** The path, without the query string. */
  route: z.string(),
  status: z.number().int(),
  ms: z.number().nonnegative(),
  /** Tokens read and written, for generation and embedding requests. */
  promptTokens: z.number().int().nonnegative().nullable(),
  completionTokens: z.number().int().nonnegative().nullable(),
});
export type ApiLogEntry = z.infer<typeof ApiLogEntrySchema>;

export const ApiServerStateSchema = z.object({
  running: z.boolean(),
  /** `http://127.0.0.1:PORT/v1` while running. */
  url: z.string().nullable(),
  port: z.number().int(),
  /** Why it is not running when it should be (the port is taken, …). */
  error: MainTextSchema.nullable(),
});
export type ApiServerState = z.infer<typeof ApiServerStateSchema>;

export const ApiServerSchemas = {
  key: z.object({ key: z.string() }),
};
