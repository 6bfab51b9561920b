/** One benchmark's verdict on a prediction. */
export interface CalibrationSample {
  quantization: string;
  /** Measured ÷ predicted generation speed. */
  ratio: number;
}

/**
 * Bits per weight class of a quantization name: kernels of one class cost about the same per
 * byte, so a benchmark of one Q4 model says much about another Q4 model and less about an F16.
 */
export function quantizationClass(quantization: string): string {
  const name = quantization.toUpperCase().replace(/^MOSTLY_/, '');
  const bits = /^(?:I?Q|TQ)(\d)/.exec(name)?.[1] ?? /^(?:F|BF)(\d+)/.exec(name)?.[1];
  return bits ? `${bits}-bit` : name;
}

/**
 * The correction for a model of `quantization`: the median ratio of benchmarks in its class, else
 * of all benchmarks on this machine, else `null` (no correction known yet). The median, so one
 * benchmark run while the machine was busy does not skew every prediction.
 */
export function calibrationFor(quantization: string, samples: readonly CalibrationSample[]): number | null {
  const usable = samples.filter((sample) => Number.isFinite(sample.ratio) && sample.ratio > 0);
  const sameClass = usable.filter(
    (sample) => quantizationClass(sample.quantization) === quantizationClass(quantization),
  );
  const pool = sameClass.length ? sameClass : usable;
  if (!pool.length) return null;
  const sorted = pool.map((sample) => sample.ratio).sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
