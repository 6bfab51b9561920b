import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURES, readFigure } from '../../bench/figures';
import { BENCHES, runBench } from '../../bench/suite';

/**
 * Every benchmark runs, on tiny inputs, and prints its figures: none rots between full runs
 * (`npm run bench -- all`), and BENCHMARKS.md still finds each figure it leads with in what the
 * benchmark prints. What they measure is not asserted: figures are read, not tested.
 */
describe('benchmarks, quick', () => {
  it.each(BENCHES.map((bench) => [bench.name, bench] as const))('%s runs and prints its figures', (_, bench) => {
    const output = runBench(bench, true);
    expect(output).toMatch(bench.prints);
    for (const figure of FIGURES.filter((each) => each.bench === bench.name && !each.fullRunOnly)) {
      expect(readFigure(figure, output), figure.name).not.toBeNull();
    }
  });

  it('names only benchmarks that exist; the committed BENCHMARKS.md has every figure from its run', () => {
    expect(FIGURES.filter((figure) => !BENCHES.some((bench) => bench.name === figure.bench))).toEqual([]);
    const page = readFileSync(resolve(import.meta.dirname, '../../../BENCHMARKS.md'), 'utf8');
    expect(page).toMatch(/^# Benchmarks/);
    expect(page).not.toContain('not printed');
  });
});
