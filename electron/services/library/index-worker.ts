/**
 * Worker-thread entry (a build entry of its own, see electron.vite.config.ts): indexes one
 * collection with its own connection to `library.db`, so walking, parsing, chunking and writing
 * never hold the main process's event loop. Reports progress; stops when told to cancel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorData } from '../../ipc/errors';
import { openConnection } from '../store/db';
import type { IndexCommand, IndexMessage, IndexWorkerData } from './index-protocol';
import { indexCollection } from './indexer';

const port = parentPort!;
const input = workerData as IndexWorkerData;
const post = (message: IndexMessage) => port.postMessage(message);
const controller = new AbortController();
port.on('message', (command: IndexCommand) => {
  if (command.type === 'cancel') controller.abort();
});

const db = openConnection(input.libraryDbPath, 'NORMAL');
try {
  const report = await indexCollection(db, input.collectionId, {
    signal: controller.signal,
    maxFileBytes: input.maxFileBytes,
    onProgress: (progress) => post({ type: 'progress', report: progress }),
    onDocument: ({ id, path }) => post({ type: 'document', id, path }),
  });
  post({ type: 'done', report });
} catch (error) {
  post({ type: 'failed', error: toErrorData(error) });
} finally {
  db.close();
  port.close();
}
