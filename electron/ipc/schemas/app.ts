import { z } from 'zod';

export const ComputeBackendSchema = z.object({
  /** What node-llama-cpp loaded: `cpu`, `cuda`, `vulkan` or `metal`. */
  gpu: z.enum(['cpu', 'cuda', 'vulkan', 'metal']),
  /** GPU device names, empty on CPU. */
  devices: z.array(z.string()),
  /** Total and used video memory in bytes (0 on CPU). */
  vramTotal: z.number().nonnegative(),
  vramUsed: z.number().nonnegative(),
  /** Set when the backend could not be detected; the rest then describes a CPU fallback. */
  error: z.string().optional(),
});
export type ComputeBackend = z.infer<typeof ComputeBackendSchema>;

export const AppInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpuModel: z.string(),
  cpuCores: z.number().int().positive(),
  totalMemory: z.number().positive(),
  freeMemory: z.number().nonnegative(),
  compute: ComputeBackendSchema,
  nodeVersion: z.string(),
  electronVersion: z.string().nullable(),
  sqliteVersion: z.string(),
  sqliteVecVersion: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** How a damaged database was brought back (see electron/services/store/repair.ts). */
export const StoreRepairSchema = z.object({
  /** `reindexed`: its indexes were rebuilt, nothing lost. `copied`: every readable row was copied into a new file. */
  method: z.enum(['reindexed', 'copied']),
  rows: z.number().int().nonnegative(),
  /** Tables with parts that could not be read (rows there may be lost). */
  unreadable: z.array(z.string()),
  headerRebuilt: z.boolean(),
});
export type StoreRepair = z.infer<typeof StoreRepairSchema>;

export const StoreRecoveredSchema = z.object({
  /** Which database: `hearth` (chats, settings) or `library` (the rebuildable index). */
  database: z.enum(['hearth', 'library']),
  /** Where the damaged file was kept, untouched; nothing is ever deleted. */
  movedTo: z.string(),
  /** What SQLite said about the file. */
  reason: z.string(),
  at: z.string(),
  /** How it was repaired; `null` when it could not be, and a new, empty one took its place. */
  repair: StoreRepairSchema.nullable(),
});
export type StoreRecovered = z.infer<typeof StoreRecoveredSchema>;

/** Hearth's data could be read by other users of this computer, and was made private to this one. */
export const StorePrivateSchema = z.object({ paths: z.array(z.string()) });
export type StorePrivate = z.infer<typeof StorePrivateSchema>;

export const NoticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('store.recovered'), id: z.string(), data: StoreRecoveredSchema }),
  z.object({ kind: z.literal('store.private'), id: z.string(), data: StorePrivateSchema }),
]);
export type Notice = z.infer<typeof NoticeSchema>;
