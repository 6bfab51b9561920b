import { z } from 'zod';
import { MainTextSchema } from '../main-text';

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

/** Predicted speed of a model on this machine (see electron/services/machine/speed.ts). */
export const SpeedPredictionSchema = z.object({
  generationTokensPerSecond: z.number().nonnegative(),
  promptTokensPerSecond: z.number().nonnegative(),
  /** Corrected by benchmarks of similar installed models (measured ÷ predicted). */
  calibrated: z.boolean(),
  /** How the number was made, for the tooltip: sentences. */
  basis: z.array(MainTextSchema),
});
export type SpeedPrediction = z.infer<typeof SpeedPredictionSchema>;
