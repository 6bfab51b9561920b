import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { HearthError, toErrorData } from '../../ipc/errors';
import { startWorker } from '../workers/worker-client';
import { DEFAULT_FILE_TIMEOUT_MS, type IndexCommand, type IndexMessage, type IndexWorkerData } from './index-protocol';
import type { CollectionReport } from './library-store';
import type { IndexUpdate } from '../../ipc/contract';

const sourceDir = dirname(fileURLToPath(import.meta.url));

/**
 * A worker lost to one file: it took too long (`timeout`), or its reader died on it (ran out of
 * memory on a decompression bomb, or crashed). Says which file, so the caller can count it.
 */
export class DocumentFailure extends Error {
  constructor(
    readonly documentId: number,
    readonly path: string,
    readonly reason: 'timeout' | 'parse-failed',
    message: string,
  ) {
    super(message);
    this.name = 'DocumentFailure';
  }
}

/**
 * Heap for the indexing worker. Parsers of untrusted files can be made to expand without bound;
 * past this Node usually stops the worker alone (the app goes on) and the file is counted as
 * failed. Usually, not always: on some allocation paths V8 aborts the whole process instead (a
 * 128 MB limit in a test did so once in CI). The zip checks catch the common bombs before any
 * of this; parsing in a child process would make it certain.
 */
const WORKER_HEAP_MB = 1536;

/**
 * Indexes a collection on a worker thread of its own and resolves with the final report. Aborting
 * `signal` asks the worker to stop after the document in hand (it is written whole or not at
 * all); a worker that dies fails the run without touching the main process. A watchdog stops a
 * worker that spends longer than `fileTimeoutMs` on one file (a parser in an endless loop cannot
 * be interrupted any other way); it and a worker that dies on a file (out of memory) reject with
 * `DocumentFailure`.
 */
export function runIndexWorker(
  data: IndexWorkerData,
  options: {
    signal?: AbortSignal;
    onProgress?: (update: IndexUpdate) => void;
    fileTimeoutMs?: number;
    /** Vectors for the worker's chunks (the model is in this process); needed when `embedderId` is set. */
    embed?: (texts: string[], signal?: AbortSignal) => Promise<Float32Array[]>;
    /** Token counts by the model's tokenizer; needed when `chunking` is set. */
    countTokens?: (texts: string[], signal?: AbortSignal) => Promise<number[]>;
  } = {},
): Promise<CollectionReport> {
  options.signal?.throwIfAborted();
  const timeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const worker = startWorker('index-worker', sourceDir, data, { maxOldGenerationSizeMb: WORKER_HEAP_MB });
  return new Promise<CollectionReport>((resolve, reject) => {
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    /** The file being read, until the worker says it moved on to the next or to embedding. */
    let inHand: { id: number; path: string } | null = null;
    const lost = (why: string) => {
      if (!inHand) return new HearthError('INTERNAL', `The indexer stopped unexpectedly (${why}).`);
      return new DocumentFailure(
        inHand.id,
        inHand.path,
        'parse-failed',
        `Reading ${inHand.path} stopped its reader (${why}).`,
      );
    };
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      options.signal?.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies IndexCommand);
    const answer = async (requestId: number, work: (() => Promise<Float32Array[] | number[]>) | undefined) => {
      let reply: IndexCommand;
      try {
        if (!work) throw new HearthError('INTERNAL', 'No embedding model was given to the indexer.');
        reply = { type: 'answer', requestId, value: await work() };
      } catch (error) {
        reply = { type: 'answer-failed', requestId, error: toErrorData(error) };
      }
      if (!settled) worker.postMessage(reply);
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: IndexMessage) => {
      if (message.type === 'document') {
        clearTimeout(watchdog);
        inHand = { id: message.id, path: message.path };
        watchdog = setTimeout(() => {
          const message = `Reading ${inHand!.path} took longer than ${Math.round(timeoutMs / 1000)} s.`;
          settle(() => reject(new DocumentFailure(inHand!.id, inHand!.path, 'timeout', message)));
          void worker.terminate();
        }, timeoutMs);
      } else if (message.type === 'embed') {
        // Files are done: the watchdog is for parsers, and embedding has its own progress.
        clearTimeout(watchdog);
        inHand = null;
        const { embed } = options;
        void answer(message.requestId, embed && (() => embed(message.texts, options.signal)));
      } else if (message.type === 'count') {
        // Part of reading the document in hand: its watchdog keeps running.
        const { countTokens } = options;
        void answer(message.requestId, countTokens && (() => countTokens(message.texts, options.signal)));
      } else if (message.type === 'progress') options.onProgress?.(message.update);
      else if (message.type === 'done') settle(() => resolve(message.report));
      else settle(() => reject(new HearthError(message.error.code, message.error.message, message.error.details)));
    });
    worker.on('error', (error) => {
      const code = (error as { code?: string }).code;
      settle(() => reject(code === 'ERR_WORKER_OUT_OF_MEMORY' ? lost('out of memory') : error));
    });
    worker.on('exit', (code) => settle(() => reject(lost(`exit ${code}`))));
  });
}
