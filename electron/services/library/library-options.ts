import type { Collection, IndexUpdate } from '../../ipc/contract';
import type { SqliteDatabase } from '../store/db';
import type { ForkEntry } from '../workers/child-process';
import type { EmbedderIdentity } from './embedders';
import type { IndexLockHolder } from './index-lock';
import type { OcrOptions } from './parsers/ocr';

export interface LibraryServiceOptions {
  /** Main's connection to `library.db` (reads, and the small writes of collections and folders). */
  db: SqliteDatabase;
  /** The file itself, for the indexing process's own connection. */
  libraryDbPath: string;
  /** Files larger than this are skipped. Defaults to 50 MB. */
  maxFileBytes?: () => number | undefined;
  /** Told after every change to a collection (indexing progress, a sync, a folder added). */
  onChanged?: (collections: Collection[]) => void;
  /** Quiet time after a change on disk before a watched collection is re-indexed. Defaults to 1 s. */
  syncDebounceMs?: number;
  /** Wait before a sync that found the library busy (the CLI indexing it) tries again. Defaults to 30 s. */
  syncBusyRetryMs?: number;
  /** How long one file may take before it counts as a failure (twice: quarantined). Defaults to 2 min. */
  fileTimeoutMs?: number;
  /**
   * The indexing process's heap limit; a file that exhausts it counts as a failure (twice:
   * quarantined). Defaults to 1.5 GB.
   */
  indexerHeapMb?: number;
  /** How the indexing process is started. Defaults to Node's `child_process.fork`; the app passes its own. */
  fork?: ForkEntry;
  /** OCR of scanned PDFs and pictures, read at each run (the settings). Defaults to on, 20 pages. */
  ocr?: () => OcrOptions;
  /**
   * Chunks per embedding request: one message to the model and one transaction for what comes
   * back. Defaults to 32.
   */
  embedBatchSize?: number;
  /** sqlite-vec, for the indexing process's connection. Defaults to the installed package's own path. */
  vecExtensionPath?: string;
  /**
   * The embedding model in use, read at each run; `null` (or no option) when none is installed:
   * then everything but vectors is indexed, and vectors are filled in once one is.
   */
  embedder?: () => LibraryEmbedder | null;
}

/** An embedding model as the library uses it: who it is, and how to get vectors from it. */
export interface LibraryEmbedder extends EmbedderIdentity {
  /** Vectors for document chunks, in order. */
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
  /** The most tokens a chunk should have for the model. */
  chunking(signal?: AbortSignal): Promise<{ maxTokens: number }>;
  /** Tokens in each text by the model's tokenizer. */
  countTokens(texts: string[], signal?: AbortSignal): Promise<number[]>;
}

/** One indexing run, as `LibraryService.index` is asked for it. */
export interface IndexOptions {
  signal?: AbortSignal;
  onProgress?: (update: IndexUpdate) => void;
  /** Read every file again, quarantined ones included. Defaults to `false`. */
  rereadAll?: boolean;
  /**
   * When another process is indexing this library: wait for it (told through `onWaiting`)
   * instead of failing with `BUSY`. Defaults to `false`.
   */
  waitForLock?: boolean;
  onWaiting?: (holder: IndexLockHolder) => void;
}
