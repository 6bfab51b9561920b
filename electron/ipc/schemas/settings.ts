import { z } from 'zod';

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  /** Colour scheme of the window. Defaults to `"system"`. */
  theme: ThemeSchema,
  /** Refuse every network request, model downloads included. Defaults to `false`. */
  airGap: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update of settings; unknown keys are refused so typos never silently do nothing. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
