import type { HearthErrorData } from '../../ipc/errors';
import type { CollectionReport } from './library-store';

/** What the index worker is started with. */
export interface IndexWorkerData {
  libraryDbPath: string;
  collectionId: number;
  maxFileBytes?: number;
}

/** How long one file may take (read, parse, chunk, write) before its worker is stopped. */
export const DEFAULT_FILE_TIMEOUT_MS = 120_000;

/** Main → worker. */
export type IndexCommand = { type: 'cancel' };

/** Worker → main. */
export type IndexMessage =
  | { type: 'document'; id: number; path: string }
  | { type: 'progress'; report: CollectionReport }
  | { type: 'done'; report: CollectionReport }
  | { type: 'failed'; error: HearthErrorData };
