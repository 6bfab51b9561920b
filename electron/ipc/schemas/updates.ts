import { z } from 'zod';

/** What "Check for updates" found. Only the user starts a check: Hearth never looks by itself. */
export const UpdateCheckSchema = z.object({
  /**
   * `current`: this is the newest release; `available`: a newer one is published; `unconfigured`:
   * this build was made without an update source (a build from source, or before releases exist).
   */
  status: z.enum(['current', 'available', 'unconfigured']),
  current: z.string(),
  /** The newest published version; `null` when unconfigured. */
  latest: z.string().nullable(),
  /** When it was published (ISO 8601), if the release says. */
  releaseDate: z.string().nullable(),
});
export type UpdateCheck = z.infer<typeof UpdateCheckSchema>;
