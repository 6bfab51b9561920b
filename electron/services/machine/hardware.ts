import { availableParallelism, cpus, totalmem } from 'node:os';
import type { ComputeBackend } from '../../ipc/contract';
import type { LlamaRuntime } from '../llama/runtime';

/** The machine as Hearth describes it everywhere: the About panel, benchmarks, fit and speed. */
export interface Hardware {
  cpuModel: string;
  /** Logical cores (hardware threads) the process may use. */
  cpuCores: number;
  totalMemory: number;
  /** The backend llama.cpp loaded, its devices and video memory. */
  compute: ComputeBackend;
}

/**
 * Reads the machine once per call. The one place that asks the OS and llama.cpp what this
 * computer is, so the About panel and a stored benchmark can never describe it differently.
 * llama.cpp failing to load is reported in `compute.error`, never thrown: the CPU facts still hold.
 */
export async function readHardware(llama: LlamaRuntime): Promise<Hardware> {
  return {
    cpuModel: cpus()[0]?.model.trim() || 'unknown',
    cpuCores: availableParallelism(),
    totalMemory: totalmem(),
    compute: await readCompute(llama),
  };
}

async function readCompute(runtime: LlamaRuntime): Promise<ComputeBackend> {
  try {
    const llama = await runtime.get();
    const [devices, vram] = await Promise.all([llama.getGpuDeviceNames(), llama.getVramState()]);
    return { gpu: llama.gpu === false ? 'cpu' : llama.gpu, devices, vramTotal: vram.total, vramUsed: vram.used };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { gpu: 'cpu', devices: [], vramTotal: 0, vramUsed: 0, error: `llama.cpp could not be loaded: ${message}` };
  }
}
