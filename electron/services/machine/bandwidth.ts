import { Worker } from 'node:worker_threads';

export interface BandwidthOptions {
  /** Readers at once; one per physical core, as llama.cpp runs. */
  workers: number;
  /**
   * Bytes each reader streams over. Well past any CPU cache, so the reads come from memory.
   * Defaults to 128 MB, or less per reader on many-core machines (1 GB in all at most).
   */
  bytesPerWorker?: number;
  /** How long each reader reads. Defaults to 0.8 s. */
  seconds?: number;
  signal?: AbortSignal;
}

/**
 * Each reader fills its own buffer (real pages, not the shared zero page), then scans it again and
 * again with `indexOf` for a byte that is not there: libc's vectorised memchr, which streams memory
 * as fast as the core can load it. Pure data, no code from the caller; runs off the main thread.
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const buffer = Buffer.alloc(workerData.bytes, 1);
buffer.indexOf(2);
let bytes = 0;
const started = performance.now();
const until = started + workerData.seconds * 1000;
while (performance.now() < until) {
  if (buffer.indexOf(2) !== -1) throw new Error('unreachable');
  bytes += buffer.length;
}
parentPort.postMessage({ bytes, seconds: (performance.now() - started) / 1000 });
`;

/** Memory read bandwidth in bytes per second, summed over `workers` concurrent readers. */
export async function measureBandwidth(options: BandwidthOptions): Promise<number> {
  const workers = Math.max(1, options.workers);
  const bytes = options.bytesPerWorker ?? Math.min(128 * 2 ** 20, Math.floor(2 ** 30 / workers));
  const seconds = options.seconds ?? 0.8;
  options.signal?.throwIfAborted();
  const running = Array.from({ length: workers }, () => {
    const worker = new Worker(READER, { eval: true, workerData: { bytes, seconds } });
    const done = new Promise<{ bytes: number; seconds: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`bandwidth reader exited with code ${code}`)));
    });
    return { worker, done };
  });
  const stop = () => running.forEach(({ worker }) => void worker.terminate());
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const results = await Promise.all(running.map(({ done }) => done));
    options.signal?.throwIfAborted();
    return results.reduce((sum, result) => sum + result.bytes / result.seconds, 0);
  } catch (error) {
    // A reader stopped by the abort exits with an error: report the abort, not the exit.
    options.signal?.throwIfAborted();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    stop();
  }
}
