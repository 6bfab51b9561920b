/**
 * Ratios that hold from run to run: each is measured as `runs` interleaved pairs (A, B, A, B …),
 * so a busy moment of the machine falls on both sides, and reported as the median of the pairs'
 * ratios with their spread. One run of each says nothing on a shared two-core machine.
 */
export interface Paired {
  /** Each side's measurement, in the order taken. */
  a: number[];
  b: number[];
  /** a ÷ b of each pair. */
  ratios: number[];
}

/** Measures `a` then `b`, `runs` times (at least 5 for a figure worth printing). */
export async function interleaved(runs: number, a: () => Promise<number>, b: () => Promise<number>): Promise<Paired> {
  const pairs: Paired = { a: [], b: [], ratios: [] };
  for (let i = 0; i < runs; i++) {
    pairs.a.push(await a());
    pairs.b.push(await b());
    pairs.ratios.push(pairs.a[i]! / pairs.b[i]!);
  }
  return pairs;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "0.97 (0.95–0.99, median of 5 pairs)". */
export function describeRatio(ratios: readonly number[], digits = 2): string {
  const low = Math.min(...ratios).toFixed(digits);
  const high = Math.max(...ratios).toFixed(digits);
  return `${median(ratios).toFixed(digits)} (${low}–${high}, median of ${ratios.length} pairs)`;
}

/** "215 ms (208–221)": a side's median and spread, in ms. */
export function describeMs(values: readonly number[]): string {
  return `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
}
