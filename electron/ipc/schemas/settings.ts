import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

/** The languages the window is translated into; `system` follows the operating system's. */
export const LanguageSchema = z.enum(['system', 'en', 'de']);
export type Language = z.infer<typeof LanguageSchema>;

export const SettingsSchema = z.object({
  /** Colour scheme of the window. Defaults to `"system"`. */
  theme: ThemeSchema,
  /**
   * Language of the window: `system` picks the operating system's when Hearth has it, else
   * English. Defaults to `"system"`.
   */
  language: LanguageSchema,
  /**
   * The welcome guide was finished or skipped; until then the window opens on it. Settings can
   * show it again. Defaults to `false`.
   */
  onboardingDone: z.boolean(),
  /** Refuse every network request, model downloads included. Defaults to `false`. */
  airGap: z.boolean(),
  /**
   * How many models of each kind (chat, embedding, reranker) may stay loaded at once; loading one
   * more unloads the least recently used. Defaults to 1.
   */
  modelsPerRole: z.number().int().min(1).max(4),
  /**
   * Generation speed, in tokens per second, a chat model must be predicted to reach on this
   * machine to be recommended. About reading speed; defaults to 10.
   */
  targetTokensPerSecond: z.number().min(1).max(200),
  /**
   * The installed embedding model that gives the library its vectors (a model id). `null` uses the
   * first one installed. Changing it re-embeds in the background; the old vectors serve until the
   * new ones are complete. Defaults to `null`.
   */
  embeddingModel: z.string().min(1).nullable(),
  /** Read scanned PDFs and pictures with OCR (on this computer). Defaults to `true`. */
  ocrEnabled: z.boolean(),
  /** Most pages of a scanned PDF OCR reads; a longer scan is skipped with that reason. Defaults to 20. */
  ocrMaxPages: z.number().int().min(1).max(2000),
  /** Run the OpenAI-compatible local API on 127.0.0.1 (needs its key). Defaults to `false`. */
  apiServerEnabled: z.boolean(),
  /** Its port. Defaults to 4891. */
  apiServerPort: z.number().int().min(1024).max(65535),
  /**
   * Web page origins (`http://localhost:3000`) allowed to call the local API from a browser; no
   * CORS grant is given to any other. Defaults to none.
   */
  apiAllowedOrigins: z.array(z.url().max(200)).max(20),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update of settings; unknown keys are refused so typos never silently do nothing. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
