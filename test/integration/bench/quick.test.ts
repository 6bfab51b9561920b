import { describe, expect, it } from 'vitest';
import { BENCHES, runBench } from '../../bench/suite';

/**
 * Every benchmark runs, on tiny inputs, and prints its figures: none rots between full runs
 * (`npm run bench -- all`). What they measure is not asserted: figures are read, not tested.
 */
describe('benchmarks, quick', () => {
  it.each(BENCHES.map((bench) => [bench.name, bench] as const))('%s runs and prints its figures', (_, bench) => {
    expect(runBench(bench, true)).toMatch(bench.prints);
  });
});
