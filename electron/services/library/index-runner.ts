import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { HearthError, toErrorData } from '../../ipc/errors';
import { startWorker } from '../workers/worker-client';
import { DEFAULT_FILE_TIMEOUT_MS, type IndexCommand, type IndexMessage, type IndexWorkerData } from './index-protocol';
import type { CollectionReport } from './library-store';

const sourceDir = dirname(fileURLToPath(import.meta.url));

/** A worker stopped because one file took too long: which file, so the caller can count it. */
export class StuckDocument extends Error {
  constructor(
    readonly documentId: number,
    readonly path: string,
    readonly timeoutMs: number,
  ) {
    super(`Reading ${path} took longer than ${Math.round(timeoutMs / 1000)} s.`);
    this.name = 'StuckDocument';
  }
}

/**
 * Indexes a collection on a worker thread of its own and resolves with the final report. Aborting
 * `signal` asks the worker to stop after the document in hand (it is written whole or not at
 * all); a worker that dies fails the run without touching the main process. A watchdog stops a
 * worker that spends longer than `fileTimeoutMs` on one file (a parser in an endless loop cannot
 * be interrupted any other way) and rejects with `StuckDocument`.
 */
export function runIndexWorker(
  data: IndexWorkerData,
  options: {
    signal?: AbortSignal;
    onProgress?: (report: CollectionReport) => void;
    fileTimeoutMs?: number;
    /** Vectors for the worker's chunks (the model is in this process); needed when `embedderId` is set. */
    embed?: (texts: string[], signal?: AbortSignal) => Promise<Float32Array[]>;
  } = {},
): Promise<CollectionReport> {
  options.signal?.throwIfAborted();
  const timeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const worker = startWorker('index-worker', sourceDir, data);
  return new Promise<CollectionReport>((resolve, reject) => {
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      options.signal?.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies IndexCommand);
    const embedFor = async (requestId: number, texts: string[]) => {
      let reply: IndexCommand;
      try {
        if (!options.embed) throw new HearthError('INTERNAL', 'No embedding model was given to the indexer.');
        const vectors = await options.embed(texts, options.signal);
        reply = { type: 'embedded', requestId, vectors };
      } catch (error) {
        reply = { type: 'embed-failed', requestId, error: toErrorData(error) };
      }
      if (!settled) worker.postMessage(reply);
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: IndexMessage) => {
      if (message.type === 'document') {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          settle(() => reject(new StuckDocument(message.id, message.path, timeoutMs)));
          void worker.terminate();
        }, timeoutMs);
      } else if (message.type === 'embed') {
        // Files are done: the watchdog is for parsers, and embedding has its own progress.
        clearTimeout(watchdog);
        void embedFor(message.requestId, message.texts);
      } else if (message.type === 'progress') options.onProgress?.(message.report);
      else if (message.type === 'done') settle(() => resolve(message.report));
      else settle(() => reject(new HearthError(message.error.code, message.error.message, message.error.details)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new HearthError('INTERNAL', `The indexer stopped unexpectedly (exit ${code}).`))),
    );
  });
}
