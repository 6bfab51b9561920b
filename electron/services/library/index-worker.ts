/**
 * Child-process entry (a build entry of its own, see electron.vite.config.ts): indexes one
 * collection with its own connection to `library.db`, so walking, parsing, chunking and writing
 * never hold the main process's event loop, and a parser that runs out of memory ends this
 * process, not the app. Started by `runIndexWorker` with its job as an argument. Reports
 * progress; stops when told to cancel, and at once when its parent is gone.
 */
import { HearthError, toErrorData } from '../../ipc/errors';
import { openConnection } from '../store/db';
import type { IndexCommand, IndexMessage, IndexWorkerData } from './index-protocol';
import { indexCollection } from './indexer';
import { stopOcr } from './parsers/ocr';
import { connectToParent, readJob } from '../workers/parent-port';

const port = connectToParent();
const input = readJob<IndexWorkerData>();
// A message the parent can no longer receive is lost with it; its exit is handled below.
const post = (message: IndexMessage) => void port.post(message).catch(() => undefined);
const controller = new AbortController();
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
// Whatever is written so far is whole (each document is one transaction); a new run goes on from it.
port.onParentGone(() => process.exit(0));
port.onMessage((raw) => {
  const command = raw as IndexCommand;
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

// Up while it works, even when all it does is wait for main's answer: a Node child is kept up by
// its channel, but an Electron utility process may end once its script has nothing scheduled.
const keepAlive = setInterval(() => undefined, 60_000);
const db = openConnection(input.libraryDbPath, 'NORMAL', input.vecExtensionPath);
let outcome: IndexMessage;
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
  outcome = { type: 'done', report };
} catch (error) {
  outcome = { type: 'failed', error: toErrorData(error) };
}
// Closed before the last word: the parent ends this process as soon as it has the outcome.
await stopOcr();
db.close();
await port.post(outcome).catch(() => undefined);
clearInterval(keepAlive);
port.exit();
