import { describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../../../../electron/ipc/contract';
import { contextCandidates, recommendThreads } from '../../../../electron/services/models/benchmark';

const run = (threads: number, generation: number, prompt = 100): BenchmarkRun => ({
  threads,
  promptTokens: 128,
  promptTokensPerSecond: prompt,
  generatedTokens: 32,
  generationTokensPerSecond: generation,
  timeToFirstTokenMs: 100,
  peakMemoryBytes: 1,
});

describe('recommendThreads', () => {
  it('picks the fastest generation', () => {
    expect(recommendThreads([run(1, 10), run(2, 18), run(3, 15)])).toBe(2);
  });

  it('prefers fewer threads when more are not clearly faster', () => {
    expect(recommendThreads([run(1, 10), run(2, 10.1)])).toBe(1);
  });
});

describe('contextCandidates', () => {
  it('offers only contexts the measured prompt speed fills in about 20 s, largest first', () => {
    // 200 tok/s × 20 s = 4000 tokens: 2048 is the largest power of two under it.
    expect(contextCandidates([run(1, 10, 120), run(2, 15, 200)], 131072)).toEqual([2048, 1024, 512]);
  });

  it('never goes past the trained context, nor below 512', () => {
    expect(contextCandidates([run(1, 10, 100_000)], 8192)[0]).toBe(8192);
    expect(contextCandidates([run(1, 10, 1)], 8192)).toEqual([512]);
  });
});
