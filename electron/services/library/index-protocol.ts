import type { HearthErrorData } from '../../ipc/errors';
import type { CollectionReport } from './library-store';

/** What the index worker is started with. */
export interface IndexWorkerData {
  libraryDbPath: string;
  collectionId: number;
  maxFileBytes?: number;
}

/** Main → worker. */
export type IndexCommand = { type: 'cancel' };

/** Worker → main. */
export type IndexMessage =
  | { type: 'progress'; report: CollectionReport }
  | { type: 'done'; report: CollectionReport }
  | { type: 'failed'; error: HearthErrorData };
