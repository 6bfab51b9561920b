import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { HearthError, toErrorData } from '../../ipc/errors';
import { forkNodeEntry, type ForkEntry } from '../workers/child-process';
import { entryPath } from '../workers/entry-path';
import { crashPoint } from './crash-points';
import { jobArgument } from '../workers/parent-port';
import { DEFAULT_FILE_TIMEOUT_MS, type IndexCommand, type IndexMessage, type IndexWorkerData } from './index-protocol';
import type { CollectionReport } from '../../ipc/schemas/library';
import type { IndexUpdate } from '../../ipc/contract';
import type { SqliteDatabase } from '../store/db';
import { recordFailure } from './document-writes';
import { mainText } from '../../ipc/main-text';

const sourceDir = dirname(fileURLToPath(import.meta.url));

/**
 * An indexing process lost to one file: it took too long (`timeout`), or its reader died on it
 * (ran out of memory on a decompression bomb, or crashed). Says which file, so the caller can count it.
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
 * Heap for the indexing process. Parsers of untrusted files can be made to expand without bound;
 * past this V8 ends the process (the app goes on, since it is a process of its own, not a thread
 * of the app's) and the file in hand is counted as failed.
 */
export const DEFAULT_INDEXER_HEAP_MB = 1536;

export interface IndexRunOptions {
  signal?: AbortSignal;
  onProgress?: (update: IndexUpdate) => void;
  fileTimeoutMs?: number;
  /** The indexing process's heap limit. Defaults to `DEFAULT_INDEXER_HEAP_MB`. */
  heapMb?: number;
  /** How the indexing process is started. Defaults to Node's `child_process.fork`. */
  fork?: ForkEntry;
  /** Called with the process id once it has started (the cross-process lock records it). */
  onStarted?: (pid: number) => void;
  /** Vectors for the indexer's chunks (the model is in this process); needed when `embedderId` is set. */
  embed?: (texts: string[], signal?: AbortSignal) => Promise<Float32Array[]>;
  /** Token counts by the model's tokenizer; needed when `chunking` is set. */
  countTokens?: (texts: string[], signal?: AbortSignal) => Promise<number[]>;
}

/**
 * Indexes a collection in a child process of its own and resolves with the final report. A
 * process rather than a thread: a hostile file that exhausts its reader's memory makes V8 abort
 * the whole process it runs in, which must never be the app's. Aborting `signal` asks the child
 * to stop after the document in hand (it is written whole or not at all); a child that dies fails
 * the run without touching this process. A watchdog kills a child that spends longer than
 * `fileTimeoutMs` on one file (a parser in an endless loop cannot be interrupted any other way);
 * it and a child that dies on a file (out of memory) reject with `DocumentFailure`.
 */
export function runIndexWorker(data: IndexWorkerData, options: IndexRunOptions = {}): Promise<CollectionReport> {
  options.signal?.throwIfAborted();
  const timeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;
  const entry = entryPath('index-worker', sourceDir);
  const worker = (options.fork ?? forkNodeEntry)(entry.path, {
    args: [jobArgument(data)],
    heapMb: options.heapMb ?? DEFAULT_INDEXER_HEAP_MB,
    fromSource: entry.fromSource,
    name: 'Hearth indexer',
  });
  if (worker.pid !== undefined) options.onStarted?.(worker.pid);
  return new Promise<CollectionReport>((resolve, reject) => {
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    /** The file being read, until the worker says it moved on to the next or to embedding. */
    let inHand: { id: number; path: string } | null = null;
    const lost = (why: string) => {
      if (!inHand) return new HearthError('INTERNAL', mainText('library.indexerStopped', { why }));
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
      // Its last message is sent after it closed its connection: nothing is left to lose.
      worker.kill();
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
    worker.onMessage((raw) => {
      const message = raw as IndexMessage;
      if (message.type === 'document') {
        crashPoint('document-started');
        clearTimeout(watchdog);
        inHand = { id: message.id, path: message.path };
        watchdog = setTimeout(() => {
          const message = `Reading ${inHand!.path} took longer than ${Math.round(timeoutMs / 1000)} s.`;
          settle(() => reject(new DocumentFailure(inHand!.id, inHand!.path, 'timeout', message)));
        }, timeoutMs);
      } else if (message.type === 'embed') {
        crashPoint('answering');
        // Files are done: the watchdog is for parsers, and embedding has its own progress.
        clearTimeout(watchdog);
        inHand = null;
        const { embed } = options;
        void answer(message.requestId, embed && (() => embed(message.texts, options.signal)));
      } else if (message.type === 'count') {
        crashPoint('answering');
        // Part of reading the document in hand: its watchdog keeps running.
        const { countTokens } = options;
        void answer(message.requestId, countTokens && (() => countTokens(message.texts, options.signal)));
      } else if (message.type === 'progress') options.onProgress?.(message.update);
      else if (message.type === 'done') settle(() => resolve(message.report));
      else settle(() => reject(new HearthError(message.error.code, message.error.message, message.error.details)));
    });
    worker.onExit((why) => settle(() => reject(lost(why))));
  });
}

/**
 * Runs `attempt` (one indexing process) until a run finishes. A file that hangs its parser, or
 * makes it run out of memory, costs the process: it is counted against the file and a fresh
 * process goes on; the second time, the file is quarantined and the run carries on past it.
 */
export async function indexPastFailures(
  db: SqliteDatabase,
  signal: AbortSignal,
  attempt: () => Promise<CollectionReport>,
): Promise<CollectionReport> {
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      // Stopped by `pause`: say so, rather than the indexer's generic "cancelled".
      if (signal.aborted && signal.reason instanceof HearthError) throw signal.reason;
      if (!(error instanceof DocumentFailure)) throw error;
      recordFailure(db, error.documentId, error.message, error.reason);
    }
  }
}
