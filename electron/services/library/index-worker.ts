/**
 * Worker-thread entry (a build entry of its own, see electron.vite.config.ts): indexes one
 * collection with its own connection to `library.db`, so walking, parsing, chunking and writing
 * never hold the main process's event loop. Reports progress; stops when told to cancel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HearthError, toErrorData } from '../../ipc/errors';
import { openConnection } from '../store/db';
import type { IndexCommand, IndexMessage, IndexWorkerData } from './index-protocol';
import { indexCollection } from './indexer';
import { stopOcr } from './parsers/ocr';

const port = parentPort!;
const input = workerData as IndexWorkerData;
const post = (message: IndexMessage) => port.postMessage(message);
const controller = new AbortController();
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
port.on('message', (command: IndexCommand) => {
  if (command.type === 'cancel') controller.abort();
  else if (command.type === 'answer') waiting.get(command.requestId)?.resolve(command.value);
  else waiting.get(command.requestId)?.reject(new HearthError(command.error.code, command.error.message));
});

/** Asks main (where the model is) and waits for its answer. */
let requests = 0;
function ask<T>(type: 'embed' | 'count', texts: string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const requestId = ++requests;
    waiting.set(requestId, {
      resolve: (value) => (waiting.delete(requestId), resolve(value as T)),
      reject: (error) => (waiting.delete(requestId), reject(error)),
    });
    post({ type, requestId, texts });
  });
}

const db = openConnection(input.libraryDbPath, 'NORMAL', input.vecExtensionPath);
try {
  const report = await indexCollection(db, input.collectionId, {
    signal: controller.signal,
    maxFileBytes: input.maxFileBytes,
    onProgress: (update) => post({ type: 'progress', update }),
    onDocument: ({ id, path }) => post({ type: 'document', id, path }),
    extract: { ocr: input.ocr },
    chunking: input.chunking
      ? { maxTokens: input.chunking.maxTokens, countTokens: (texts) => ask<number[]>('count', texts) }
      : undefined,
    embedding:
      input.embedderId === null
        ? undefined
        : {
            embedderId: input.embedderId,
            embed: (texts) => ask<Float32Array[]>('embed', texts),
            batchSize: input.embedBatchSize,
          },
  });
  post({ type: 'done', report });
} catch (error) {
  post({ type: 'failed', error: toErrorData(error) });
} finally {
  await stopOcr();
  db.close();
  port.close();
}
