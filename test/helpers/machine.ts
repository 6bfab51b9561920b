import type { MachineProfile } from '../../electron/ipc/contract';

const GB = 1e9;

/**
 * A pretend computer for speed predictions: the real probe takes a second of both cores, and its
 * numbers differ from run to run. Defaults to the laptop-class machine of the models issue:
 * 2 cores, 24 GiB, 40 GB/s.
 */
export function simulatedMachine(overrides: Partial<MachineProfile> = {}): MachineProfile {
  return {
    cpuModel: 'Simulated CPU',
    logicalCores: 2,
    physicalCores: 2,
    totalMemory: 24 * 1024 ** 3,
    memoryBandwidth: 40 * GB,
    gpu: 'cpu',
    vramTotal: 0,
    measuredAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}
