import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Collection, DocumentStatusSchema, IndexUpdate, SlowDocument } from '../../ipc/contract';
import { HearthError } from '../../ipc/errors';
import type { SqliteDatabase } from '../store/db';
import { resolveVecExtensionPath } from '../store/vec-extension';
import { findEmbedder, registerEmbedder, type EmbedderIdentity } from './embedders';
import { DocumentOpener } from './document-opener';
import { FolderWatcher } from './folder-watcher';
import { acquireIndexLock, shareIndexLock, waitForIndexLock } from './index-lock';
import type { ForkEntry } from '../workers/child-process';
import type { IndexWorkerData } from './index-protocol';
import { DEFAULT_OCR, type OcrOptions } from './parsers/ocr';
import { DocumentFailure, runIndexWorker } from './index-runner';
import {
  addSource,
  collectionReport,
  deleteDocuments,
  markAllPending,
  removeCollectionRow,
  removeSource,
  setPaused,
  underRoot,
  createCollection,
  findCollectionId,
  listCollections,
  listDocuments,
  listSources,
  recordFailure,
  slowestDocuments,
  type CollectionReport,
  type CollectionRow,
  type DocumentRow,
  type SourceRow,
} from './library-store';
import type { z } from 'zod';

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

/**
 * The user's collections: named sets of folders, indexed in a child process so the app stays
 * responsive. One indexing run per collection at a time.
 */
export class LibraryService {
  readonly #options: LibraryServiceOptions;
  readonly #running = new Set<number>();
  /** Stops each running run (see `pause`). */
  readonly #controllers = new Map<number, AbortController>();
  /** Collections that changed on disk while they were being indexed: index them again after. */
  readonly #again = new Set<number>();
  readonly #watcher: FolderWatcher;
  /** "Open file" for the library's files (document-opener.ts). */
  readonly opener: DocumentOpener;

  constructor(options: LibraryServiceOptions) {
    this.#options = options;
    this.opener = new DocumentOpener(options.db, (documentId) => this.documentPath(documentId));
    this.#watcher = new FolderWatcher({
      debounceMs: options.syncDebounceMs,
      onChange: (collectionId) => void this.#syncNow(collectionId),
    });
  }

  /**
   * Keeps every collection in step with its folders: re-scans each now (changes made while Hearth
   * was closed), then watches them and re-indexes a collection after each burst of changes.
   */
  async startSync(): Promise<void> {
    this.#syncing = true;
    this.#embedderKey = this.#options.embedder?.()?.key ?? null;
    for (const collection of listCollections(this.#options.db)) {
      await this.#watcher.watch(
        collection.id,
        listSources(this.#options.db, collection.id).map((s) => s.root),
      );
      await this.#syncNow(collection.id);
    }
  }

  async stopSync(): Promise<void> {
    this.#syncing = false;
    await this.#watcher.close();
  }

  /** Whether sync was started (then a new embedding model fills its vectors at once). */
  #syncing = false;
  #embedderKey: string | null | undefined;

  /**
   * Call when the installed models or the chosen embedding model may have changed. If the
   * embedding model is now another one (or the first one), every collection is brought up to date:
   * the new vectors are filled in the background, and the old ones serve search until then.
   */
  embedderMayHaveChanged(): void {
    const key = this.#options.embedder?.()?.key ?? null;
    if (key === this.#embedderKey) return;
    const first = this.#embedderKey === undefined;
    this.#embedderKey = key;
    // The first look has nothing to compare with: it only notes the model in use.
    if (first) return;
    this.#changed();
    if (!this.#syncing || key === null) return;
    for (const collection of listCollections(this.#options.db)) void this.#syncNow(collection.id);
  }

  async #syncNow(collectionId: number): Promise<void> {
    if (listCollections(this.#options.db).find((row) => row.id === collectionId)?.paused) return;
    if (this.#running.has(collectionId)) {
      this.#again.add(collectionId);
      return;
    }
    try {
      await this.index(collectionId);
    } catch (error) {
      // BUSY (the CLI is indexing) or a failed run: the next change, or the next start, tries again.
      console.warn(
        `[library] sync of collection ${collectionId} did not run:`,
        error instanceof Error ? error.message : error,
      );
    }
  }

  /** The collection called `name` (case aside, as everywhere); `NOT_FOUND` naming the ones there are. */
  collectionNamed(name: string): Collection {
    const id = findCollectionId(this.#options.db, name);
    if (id !== null) return this.#collection(id);
    const known = listCollections(this.#options.db).map((collection) => collection.name);
    throw new HearthError(
      'NOT_FOUND',
      `No collection is called "${name}" (${known.length ? `collections: ${known.join(', ')}` : 'none yet'}).`,
      { name },
    );
  }

  collections(): Collection[] {
    const embedderId = this.#currentEmbedderId();
    return listCollections(this.#options.db).map((row) => this.#describe(row, embedderId));
  }

  /** The current embedding model's row, if it has stored anything yet. */
  #currentEmbedderId(): number | null {
    const key = this.#options.embedder?.()?.key;
    return key ? (findEmbedder(this.#options.db, key)?.id ?? null) : null;
  }

  /**
   * The path of an indexed file, for opening it: `NOT_FOUND` when the library has no such
   * document, or the file is no longer on disk.
   */
  documentPath(documentId: number): string {
    const path = this.#options.db.prepare('SELECT path FROM documents WHERE id = ?').pluck().get(documentId) as
      | string
      | undefined;
    if (!path) throw new HearthError('NOT_FOUND', 'That file is not in the library any more.');
    if (!existsSync(path)) {
      throw new HearthError('NOT_FOUND', 'That file is no longer where it was indexed. Re-index its collection.');
    }
    return path;
  }

  createCollection(name: string): Collection {
    return this.#collection(createCollection(this.#options.db, name.trim()));
  }

  /** The absolute path of an existing folder, or a specific error naming what is there instead. */
  requireFolder(path: string): string {
    const root = resolve(path);
    const stats = statSync(root, { throwIfNoEntry: false });
    if (!stats) throw new HearthError('NOT_FOUND', `There is no folder at ${root}.`, { path: root });
    if (!stats.isDirectory()) throw new HearthError('VALIDATION', `${root} is a file, not a folder.`, { path: root });
    return root;
  }

  /**
   * Adds a folder the user picked, with its rules (adding it again replaces them); refuses what
   * is not an existing folder, saying which.
   */
  addFolder(
    collectionId: number,
    path: string,
    rules: {
      include?: readonly string[];
      exclude?: readonly string[];
      includeHidden?: boolean;
      followLinks?: boolean;
    } = {},
  ): Collection {
    this.#requireCollection(collectionId);
    const root = this.requireFolder(path);
    addSource(this.#options.db, collectionId, { root, ...rules });
    if (this.#watcher.isWatching(collectionId)) {
      void this.#watcher.watch(
        collectionId,
        listSources(this.#options.db, collectionId).map((s) => s.root),
      );
    }
    this.#changed();
    return this.#collection(collectionId);
  }

  /**
   * Removes a folder from a collection with what was indexed from it (its files stay on disk).
   * Refused while the collection is being indexed: stop it first.
   */
  async removeFolder(collectionId: number, path: string): Promise<Collection> {
    this.#requireIdle(collectionId);
    const source = listSources(this.#options.db, collectionId).find((s) => s.root === path);
    if (!source) throw new HearthError('NOT_FOUND', `${path} is not a folder of this collection.`, { path });
    await this.#exclusively(collectionId, async () => {
      removeSource(this.#options.db, collectionId, source.root);
      const [where, args] = underRoot(collectionId, source.root);
      await deleteDocuments(this.#options.db, where, args);
      await this.#watcher.unwatch(collectionId);
      if (this.#syncing) {
        await this.#watcher.watch(
          collectionId,
          listSources(this.#options.db, collectionId).map((s) => s.root),
        );
      }
    });
    if (this.#again.delete(collectionId)) void this.#syncNow(collectionId);
    this.#changed();
    return this.#collection(collectionId);
  }

  /**
   * Stops the collection's run, whoever started it (a sync, the window, the CLI's own process),
   * after the file in hand; what was done is kept. Sync leaves it alone until `resume`.
   */
  pause(collectionId: number): Collection {
    this.#requireCollection(collectionId);
    setPaused(this.#options.db, collectionId, true);
    this.#controllers.get(collectionId)?.abort(new HearthError('CANCELLED', 'Indexing was paused.'));
    this.#changed();
    return this.#collection(collectionId);
  }

  /** Lets sync run the collection again, and starts it now to catch up. */
  resume(collectionId: number): Collection {
    this.#requireCollection(collectionId);
    setPaused(this.#options.db, collectionId, false);
    void this.#syncNow(collectionId);
    this.#changed();
    return this.#collection(collectionId);
  }

  /** Removes a collection and everything indexed for it (its files stay on disk). */
  async removeCollection(collectionId: number): Promise<void> {
    this.#requireIdle(collectionId);
    await this.#exclusively(collectionId, async () => {
      await this.#watcher.unwatch(collectionId);
      await deleteDocuments(this.#options.db, 'collection_id = ?', [collectionId]);
      removeCollectionRow(this.#options.db, collectionId);
    });
    this.#again.delete(collectionId);
    this.#changed();
  }

  /**
   * Runs a removal as if it were a run: the deletes yield to the event loop, and a sync must not
   * start on the collection meanwhile (it waits, as after any run).
   */
  async #exclusively(collectionId: number, work: () => Promise<void>): Promise<void> {
    this.#running.add(collectionId);
    try {
      await work();
    } finally {
      this.#running.delete(collectionId);
    }
  }

  #requireIdle(collectionId: number): void {
    this.#requireCollection(collectionId);
    if (this.#running.has(collectionId)) {
      throw new HearthError('VALIDATION', 'This collection is being indexed: stop it first.');
    }
  }

  documents(
    collectionId: number,
    page: { status?: z.infer<typeof DocumentStatusSchema>; offset: number; limit: number },
  ): { total: number; documents: DocumentRow[] } {
    this.#requireCollection(collectionId);
    return listDocuments(this.#options.db, collectionId, page);
  }

  /** The `limit` files of a collection that took longest to read, slowest first. */
  slowest(collectionId: number, limit: number): SlowDocument[] {
    this.#requireCollection(collectionId);
    return slowestDocuments(this.#options.db, collectionId, limit);
  }

  /** Indexes a collection in a child process, reporting progress, until done or `signal` aborts. */
  async index(
    collectionId: number,
    options: {
      signal?: AbortSignal;
      onProgress?: (update: IndexUpdate) => void;
      /** Read every file again, quarantined ones included. Defaults to `false`. */
      rereadAll?: boolean;
      /**
       * When another process is indexing this library: wait for it (told through `onWaiting`)
       * instead of failing with `BUSY`. Defaults to `false`.
       */
      waitForLock?: boolean;
      onWaiting?: (message: string) => void;
    } = {},
  ): Promise<CollectionReport> {
    this.#requireCollection(collectionId);
    if (this.#running.has(collectionId)) {
      throw new HearthError('VALIDATION', 'This collection is being indexed already.');
    }
    // Across processes too: the app and the CLI never index one library at once.
    const lockPath = `${this.#options.libraryDbPath}.index-lock`;
    const release = options.waitForLock
      ? await waitForIndexLock(lockPath, { signal: options.signal, onWaiting: options.onWaiting })
      : acquireIndexLock(lockPath);
    // Stopped by the caller's signal, or by `pause` from anywhere.
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    this.#controllers.set(collectionId, controller);
    this.#running.add(collectionId);
    try {
      // Indexing by hand is the user's "go on": it lifts a pause.
      setPaused(this.#options.db, collectionId, false);
      if (options.rereadAll) markAllPending(this.#options.db, collectionId);
      const embedder = this.#options.embedder?.() ?? null;
      let chunking: IndexWorkerData['chunking'] = null;
      this.#changed();
      // A file that hangs its parser, or makes it run out of memory, costs the indexing process: count it
      // against the file, start a fresh one, and go on. The second time, the file is
      // quarantined and the run carries on past it.
      for (;;) {
        try {
          chunking ??= embedder ? await embedder.chunking(signal) : null;
          return await runIndexWorker(
            {
              libraryDbPath: this.#options.libraryDbPath,
              collectionId,
              maxFileBytes: this.#options.maxFileBytes?.(),
              vecExtensionPath: this.#options.vecExtensionPath ?? resolveVecExtensionPath(),
              embedderId: embedder ? registerEmbedder(this.#options.db, embedder).id : null,
              chunking,
              embedBatchSize: this.#options.embedBatchSize,
              ocr: this.#options.ocr?.() ?? DEFAULT_OCR,
            },
            {
              signal,
              embed: embedder ? (texts, signal) => embedder.embed(texts, signal) : undefined,
              countTokens: embedder ? (texts, signal) => embedder.countTokens(texts, signal) : undefined,
              fileTimeoutMs: this.#options.fileTimeoutMs,
              heapMb: this.#options.indexerHeapMb,
              fork: this.#options.fork,
              // Should this process die, the lock stays held while its indexer finishes its last write.
              onStarted: (pid) => shareIndexLock(lockPath, pid),
              onProgress: (update) => {
                options.onProgress?.(update);
                this.#progressed(collectionId, update);
              },
            },
          );
        } catch (error) {
          // Stopped by `pause`: say so, rather than the indexer's generic "cancelled".
          if (signal.aborted && signal.reason instanceof HearthError) throw signal.reason;
          if (!(error instanceof DocumentFailure)) throw error;
          recordFailure(this.#options.db, error.documentId, error.message, error.reason);
        }
      }
    } finally {
      this.#running.delete(collectionId);
      this.#controllers.delete(collectionId);
      release();
      this.#changed();
      if (this.#again.delete(collectionId)) void this.#syncNow(collectionId);
    }
  }

  /** The last list sent to `onChanged`, so progress can update one entry without querying. */
  #lastSent: Collection[] | null = null;

  #changed(): void {
    if (!this.#options.onChanged) return;
    this.#lastSent = this.collections();
    this.#options.onChanged(this.#lastSent);
  }

  /**
   * Progress comes several times a second with the indexer's own accounting: the main thread only
   * swaps it into the last list sent. Querying every collection's counts here would cost the
   * event loop time that grows with the library.
   */
  #progressed(collectionId: number, { report, progress }: IndexUpdate): void {
    if (!this.#options.onChanged) return;
    if (!this.#lastSent?.some((collection) => collection.id === collectionId)) return this.#changed();
    this.#lastSent = this.#lastSent.map((collection) =>
      collection.id === collectionId ? { ...collection, report, progress, indexing: true } : collection,
    );
    this.#options.onChanged(this.#lastSent);
  }

  #collection(id: number): Collection {
    return this.#describe(this.#requireCollection(id), this.#currentEmbedderId());
  }

  /** A collection with its folders and accounting (the accounting counts its chunks: not free). */
  #describe(row: CollectionRow, embedderId: number | null): Collection {
    return {
      id: row.id,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      ...folders(listSources(this.#options.db, row.id)),
      report: collectionReport(this.#options.db, row.id, embedderId),
      indexing: this.#running.has(row.id),
      paused: row.paused,
      // Between two progress messages the last one stands; a fresh run has none yet.
      progress: this.#running.has(row.id)
        ? (this.#lastSent?.find((collection) => collection.id === row.id)?.progress ?? null)
        : null,
    };
  }

  /** The collection's row, or `NOT_FOUND`: a check, without the accounting a description costs. */
  #requireCollection(id: number): CollectionRow {
    const row = listCollections(this.#options.db).find((collection) => collection.id === id);
    if (!row) throw new HearthError('NOT_FOUND', `No collection has the id ${id}.`);
    return row;
  }
}

/** A collection's folders, as paths and with their rules. */
function folders(sources: SourceRow[]): Pick<Collection, 'folders' | 'sources'> {
  return {
    folders: sources.map((source) => source.root),
    sources: sources.map(({ root, include, exclude, includeHidden, followLinks }) => ({
      path: root,
      include,
      exclude,
      includeHidden,
      followLinks,
    })),
  };
}
