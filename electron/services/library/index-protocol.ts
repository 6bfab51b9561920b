import type { IndexUpdate } from '../../ipc/contract';
import type { HearthErrorData } from '../../ipc/errors';
import type { CollectionReport } from '../../ipc/schemas/library';
import type { OcrOptions } from './parsers/ocr';

/** What the indexing process is started with (its job argument, see `jobArgument`). */
export interface IndexWorkerData {
  libraryDbPath: string;
  collectionId: number;
  maxFileBytes?: number;
  /** sqlite-vec, which the indexing process's connection loads (vector tables and their triggers need it). */
  vecExtensionPath: string;
  /** The current embedding model's row in `embedders`; `null` when none is installed. */
  embedderId: number | null;
  /**
   * With an embedding model: the most tokens a chunk has, counted by the model's tokenizer (the
   * indexer asks main). `null` (no model): 256, estimated at 4 characters a token.
   */
  chunking: { maxTokens: number } | null;
  /** OCR of scanned PDFs and pictures (the settings). */
  ocr: OcrOptions;
  /** Chunks per embedding request; defaults to 32. */
  embedBatchSize?: number;
}

/** How long one file may take (read, parse, chunk, write) before its process is killed. */
export const DEFAULT_FILE_TIMEOUT_MS = 120_000;

/** Main → indexing process. */
export type IndexCommand =
  | { type: 'cancel' }
  | { type: 'answer'; requestId: number; value: Float32Array[] | number[] }
  | { type: 'answer-failed'; requestId: number; error: HearthErrorData };

/** Indexing process → main. */
export type IndexMessage =
  | { type: 'document'; id: number; path: string }
  | { type: 'progress'; update: IndexUpdate }
  /** The model lives in the main process: the indexer asks it for vectors, and for token counts. */
  | { type: 'embed'; requestId: number; texts: string[] }
  | { type: 'count'; requestId: number; texts: string[] }
  | { type: 'done'; report: CollectionReport }
  | { type: 'failed'; error: HearthErrorData };
