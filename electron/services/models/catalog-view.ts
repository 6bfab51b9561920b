import type { MachineProfile } from '../../ipc/contract';
import type { CatalogEntry, CatalogView } from '../../ipc/schemas/catalog';
import type { SpeedPrediction } from '../../ipc/schemas/machine';
import { calibrationFor, type CalibrationSample } from '../machine/calibration';
import { describeBasis, predictSpeed, type SpeedInputs } from '../machine/speed';
import type { SqliteDatabase } from '../store/db';
import { fitsMachine, recommend } from './catalog';
import { latestBenchmark, type ModelRecord } from './model-store';

export interface CatalogViewInput {
  /** File names of the installed models. */
  installedFiles: ReadonlySet<string>;
  /** The measured machine; `null` before it is measured (then speeds are `null`). */
  profile: MachineProfile | null;
  /** Total memory when the machine is not measured yet. */
  totalMemory: number;
  /** Measured ÷ predicted of benchmarks on this machine (`calibrationSamples`). */
  samples: readonly CalibrationSample[];
  /** Generation speed a recommended chat model must reach. */
  targetTokensPerSecond: number;
}

/**
 * The catalog with what is installed, what fits this machine, how fast each would run here
 * (predicted from the machine's measured bandwidth and compute, corrected by benchmarks of similar
 * models), and the recommended pair.
 */
export function catalogView(entries: readonly CatalogEntry[], input: CatalogViewInput): CatalogView {
  const { profile } = input;
  const totalMemory = profile?.totalMemory ?? input.totalMemory;
  const speeds = new Map(
    entries.map((entry) => [
      entry.id,
      profile
        ? predictModelSpeed(
            { weightsBytes: entry.sizeBytes, parameters: entry.parameters, kvBytesPerToken: entry.kvBytesPerToken },
            entry.quantization,
            profile,
            input.samples,
          )
        : null,
    ]),
  );
  return {
    models: entries.map((entry) => ({
      ...entry,
      installed: input.installedFiles.has(entry.file),
      fitsThisMachine: fitsMachine(entry, totalMemory),
      speed: speeds.get(entry.id) ?? null,
    })),
    recommended: recommend(entries, {
      totalMemory,
      speedOf: (entry) => speeds.get(entry.id) ?? null,
      targetTokensPerSecond: input.targetTokensPerSecond,
    }),
    machine: profile,
    targetTokensPerSecond: input.targetTokensPerSecond,
  };
}

/** A prediction for one model, corrected by benchmarks of similar models on this machine. */
export function predictModelSpeed(
  inputs: SpeedInputs,
  quantization: string,
  profile: MachineProfile,
  samples: readonly CalibrationSample[],
): SpeedPrediction {
  const raw = predictSpeed(inputs, profile);
  const calibration = calibrationFor(quantization, samples);
  return {
    generationTokensPerSecond: raw.generationTokensPerSecond * (calibration ?? 1),
    promptTokensPerSecond: raw.promptTokensPerSecond,
    calibrated: calibration !== null,
    basis: describeBasis(profile, raw, calibration),
  };
}

/** Measured ÷ predicted of every installed model's latest benchmark on this machine. */
export function calibrationSamples(
  db: SqliteDatabase,
  records: readonly ModelRecord[],
  profile: MachineProfile,
): CalibrationSample[] {
  return records.flatMap((record) => {
    const benchmark = latestBenchmark(db, record.id);
    if (!benchmark?.speed || benchmark.hardware.cpuModel !== profile.cpuModel) return [];
    return [{ quantization: record.metadata.quantization, ratio: benchmark.speed.ratio }];
  });
}
