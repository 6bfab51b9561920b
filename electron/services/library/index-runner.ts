import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { HearthError } from '../../ipc/errors';
import { startWorker } from '../workers/worker-client';
import type { IndexCommand, IndexMessage, IndexWorkerData } from './index-protocol';
import type { CollectionReport } from './library-store';

const sourceDir = dirname(fileURLToPath(import.meta.url));

/**
 * Indexes a collection on a worker thread of its own and resolves with the final report. Aborting
 * `signal` asks the worker to stop after the document in hand (it is written whole or not at
 * all); a worker that dies fails the run without touching the main process.
 */
export function runIndexWorker(
  data: IndexWorkerData,
  options: { signal?: AbortSignal; onProgress?: (report: CollectionReport) => void } = {},
): Promise<CollectionReport> {
  options.signal?.throwIfAborted();
  const worker = startWorker('index-worker', sourceDir, data);
  return new Promise<CollectionReport>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies IndexCommand);
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: IndexMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.report);
      else if (message.type === 'done') settle(() => resolve(message.report));
      else settle(() => reject(new HearthError(message.error.code, message.error.message, message.error.details)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new HearthError('INTERNAL', `The indexer stopped unexpectedly (exit ${code}).`))),
    );
  });
}
