import { cpSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { rejectionOf } from '../../../helpers/errors';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
const TLDR = resolve(import.meta.dirname, '../../../../../shared/corpus/tldr/pages');
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

function start(): Services {
  services = startServices(tempDir()).services;
  return services;
}

describe('LibraryService', () => {
  it('indexes a folder on a worker thread with progress, and the main thread stays responsive', async () => {
    const s = start();
    const collection = s.library.createCollection('Notes');
    expect(s.library.addFolder(collection.id, join(TLDR, 'linux')).folders).toEqual([join(TLDR, 'linux')]);

    const progress: number[] = [];
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const report = await s.library.index(collection.id, { onProgress: (u) => progress.push(u.report.indexed) });
    lag.disable();
    const p95 = lag.percentile(95) / 1e6;
    console.log(
      `worker indexing: ${report.indexed} files, ${report.chunks} chunks; main-thread lag p95 ${p95.toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`,
    );
    expect(report.pending).toBe(0);
    expect(report.indexed).toBeGreaterThan(300);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(report.indexed);
    // Parsing, chunking and writing happen on the worker: main only receives messages. (The goal,
    // p95 ≤ 50 ms, is measured by the benchmark; this guards against work moving back to main.)
    expect(p95).toBeLessThan(100);

    const [listed] = s.library.collections();
    expect(listed).toMatchObject({ name: 'Notes', indexing: false, report: { indexed: report.indexed } });
    const page = s.library.documents(collection.id, { offset: 0, limit: 10 });
    expect(page.total).toBe(report.discovered);
    expect(page.documents).toHaveLength(10);
    expect(page.documents[0]).toMatchObject({ status: 'indexed', type: 'markdown' });
  });

  it('stops when cancelled, keeps what was done, and finishes on the next run', async () => {
    const s = start();
    const folder = tempDir();
    cpSync(join(TLDR, 'common'), folder, { recursive: true });
    const collection = s.library.createCollection('Big');
    s.library.addFolder(collection.id, folder);
    const controller = new AbortController();
    const error = await rejectionOf(
      s.library.index(collection.id, {
        signal: controller.signal,
        onProgress: (u) => u.report.indexed > 100 && controller.abort(),
      }),
    );
    expect(error.code).toBe('CANCELLED');
    const partial = s.library.collections()[0]!.report;
    expect(partial.indexed).toBeGreaterThan(100);
    expect(partial.pending).toBeGreaterThan(0);
    const done = await s.library.index(collection.id);
    expect(done.pending).toBe(0);
    expect(done.indexed).toBe(partial.indexed + partial.pending);
  });

  it('stops a worker stuck on one file, counts it against the file, and quarantines it the second time', async () => {
    services = startServices(tempDir(), { library: { fileTimeoutMs: 1000 } }).services;
    const s = services;
    const folder = tempDir();
    writeFileSync(join(folder, 'a.md'), '# Quick\n\nA small note.\n');
    // 30 MB of text: seconds of decoding, chunking and full-text writes, far past a 1 s limit.
    writeFileSync(join(folder, 'huge.log'), `${'word '.repeat(19)}words\n`.repeat(300_000));
    const collection = s.library.createCollection('Slow');
    s.library.addFolder(collection.id, folder);

    const report = await s.library.index(collection.id);

    expect(report).toMatchObject({ discovered: 2, indexed: 1, quarantined: 1, pending: 0 });
    const [huge] = s.library.documents(collection.id, { status: 'quarantined', offset: 0, limit: 10 }).documents;
    expect(huge).toMatchObject({
      path: join(folder, 'huge.log'),
      skipReason: 'timeout',
      skipDetail: expect.stringMatching(/^Failed 2 times; last error: Reading .*huge\.log took longer than 1 s\.$/),
      chunks: 0,
    });
  }, 60_000);

  it('refuses what is not a folder, a second run of the same collection, and unknown collections', async () => {
    const s = start();
    const collection = s.library.createCollection('Odd');
    const file = join(tempDir(), 'a.md');
    writeFileSync(file, '# a');
    const missing = join(tempDir(), 'nope');
    expect(
      (
        await rejectionOf(
          Promise.resolve().then(() => s.library.addFolder(collection.id, missing)),
          [missing],
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await rejectionOf(
          Promise.resolve().then(() => s.library.addFolder(collection.id, file)),
          [file],
        )
      ).code,
    ).toBe('VALIDATION');
    expect(
      (await rejectionOf(Promise.resolve().then(() => s.library.documents(999, { offset: 0, limit: 1 })))).code,
    ).toBe('NOT_FOUND');

    s.library.addFolder(collection.id, join(TLDR, 'osx'));
    const first = s.library.index(collection.id);
    expect((await rejectionOf(s.library.index(collection.id))).code).toBe('VALIDATION');
    await first;
  });
});
