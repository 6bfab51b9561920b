import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatIndexProgress, formatTimeLeft } from '../../../../electron/ipc/format';
import { RunProgress } from '../../../../electron/services/library/run-progress';

afterEach(() => vi.useRealTimers());

describe('RunProgress', () => {
  it('gives rates over the stage and the time left by bytes, once there is a second of data', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const run = new RunProgress();
    run.stage('reading', 100, 1_000_000);
    run.advance(10, 100_000);
    expect(run.snapshot()).toMatchObject({ stage: 'reading', done: 10, total: 100, etaSeconds: null });
    vi.advanceTimersByTime(2000);
    // 100 kB in 2 s: the 900 kB left take 18 s, whatever the file count says.
    expect(run.snapshot()).toMatchObject({ rate: 5, bytesPerSecond: 50_000, etaSeconds: 18 });

    run.stage('embedding', 40);
    vi.advanceTimersByTime(4000);
    run.advance(8);
    expect(run.snapshot()).toMatchObject({ stage: 'embedding', done: 8, total: 40, rate: 2, etaSeconds: 16 });
  });

  it('reads as a person would say it', () => {
    expect(formatTimeLeft(null)).toBe('working out the time left');
    expect(formatTimeLeft(4)).toBe('a few seconds left');
    expect(formatTimeLeft(44)).toBe('about 40 s left');
    expect(formatTimeLeft(600)).toBe('about 10 min left');
    expect(formatTimeLeft(3 * 3600)).toBe('about 3.0 h left');
    const reading = {
      stage: 'reading',
      done: 35,
      total: 120,
      rate: 12.5,
      bytesPerSecond: 1.5 * 1024 * 1024,
      etaSeconds: 130,
    } as const;
    expect(formatIndexProgress(reading)).toBe('Reading files · 35/120 · 12.5 files/s, 1.5 MB/s · about 2 min left');
    expect(formatIndexProgress({ ...reading, stage: 'embedding', done: 120 })).toBe(
      'Embedding passages · 120/120 · 12.5/s · done',
    );
  });
});
