import { z } from 'zod';

/**
 * This computer as speed predictions see it, measured once in the background and cached in
 * `hearth.db` until the hardware changes.
 */
export const MachineProfileSchema = z.object({
  cpuModel: z.string(),
  logicalCores: z.number().int().positive(),
  /** Cores without their hyper-threads: llama.cpp gains nothing from a core's second thread. */
  physicalCores: z.number().int().positive(),
  totalMemory: z.number().positive(),
  /** Memory read bandwidth in bytes per second: streaming reads on every physical core at once. */
  memoryBandwidth: z.number().positive(),
  gpu: z.enum(['cpu', 'cuda', 'vulkan', 'metal']),
  vramTotal: z.number().nonnegative(),
  measuredAt: z.string(),
});
export type MachineProfile = z.infer<typeof MachineProfileSchema>;
