import type { MachineProfile } from '../../ipc/contract';
import { mainText, type MainText } from '../../ipc/main-text';

/** What a prediction needs to know about a model. */
export interface SpeedInputs {
  /** Bytes of weights, read once per generated token (the file size is close enough). */
  weightsBytes: number;
  parameters: number;
  /** KV cache per token of context; 0 when unknown (it is a few percent at short contexts). */
  kvBytesPerToken: number;
}

/**
 * The model of speed, stated once. Generating a token reads every weight once, so generation is
 * bound by memory bandwidth, unless the cores cannot decode weights that fast (a laptop with two
 * cores cannot); reading a prompt multiplies each weight with many tokens at once, so it is bound
 * by arithmetic. The constants are typical of AVX2-class CPUs running llama.cpp's Q4/Q8 kernels;
 * a benchmark on this machine corrects them (see calibration.ts).
 */
export const SPEED_MODEL = {
  /** Share of measured read bandwidth that llama.cpp's generation loop achieves. */
  memoryEfficiency: 0.7,
  /** Weight bytes one core decodes and multiplies per second during generation. */
  coreWeightBytesPerSecond: 7e9,
  /** Arithmetic per core during prompt processing (two operations per weight per token). */
  coreFlopsPerSecond: 60e9,
  /** Context already in the KV cache when the prediction is made (a question after a short chat). */
  contextTokens: 1024,
} as const;

export interface RawSpeed {
  generationTokensPerSecond: number;
  promptTokensPerSecond: number;
  /** Which limit set the generation speed. */
  boundBy: 'memory' | 'cores';
}

/** Predicted speed of `model` on `machine`, before any calibration. */
export function predictSpeed(model: SpeedInputs, machine: MachineProfile): RawSpeed {
  const memoryRate = machine.memoryBandwidth * SPEED_MODEL.memoryEfficiency;
  const coreRate = machine.physicalCores * SPEED_MODEL.coreWeightBytesPerSecond;
  const bytesPerToken = model.weightsBytes + model.kvBytesPerToken * SPEED_MODEL.contextTokens;
  const flopsPerToken = 2 * model.parameters;
  return {
    generationTokensPerSecond: Math.min(memoryRate, coreRate) / bytesPerToken,
    promptTokensPerSecond: (machine.physicalCores * SPEED_MODEL.coreFlopsPerSecond) / flopsPerToken,
    boundBy: memoryRate <= coreRate ? 'memory' : 'cores',
  };
}

/** The tooltip's sentence: what the number rests on. */
export function describeBasis(machine: MachineProfile, speed: RawSpeed, calibration: number | null): MainText[] {
  const limit =
    speed.boundBy === 'memory'
      ? mainText('speed.memory', {
          bandwidth: machine.memoryBandwidth / 1e9,
          efficiency: Math.round(SPEED_MODEL.memoryEfficiency * 100),
        })
      : mainText('speed.compute', {
          cores: machine.physicalCores,
          rate: (machine.physicalCores * SPEED_MODEL.coreWeightBytesPerSecond) / 1e9,
        });
  return [
    limit,
    calibration === null ? mainText('speed.unchecked') : mainText('speed.calibrated', { ratio: calibration }),
  ];
}
