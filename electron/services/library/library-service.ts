import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type {
  Collection,
  CollectionReport,
  DocumentStatus,
  IndexUpdate,
  LibraryDocument,
  SlowDocument,
} from '../../ipc/contract';
import { HearthError } from '../../ipc/errors';
import { resolveVecExtensionPath } from '../store/vec-extension';
import { findEmbedder, registerEmbedder } from './embedders';
import { DocumentOpener } from './document-opener';
import { CollectionSync } from './collection-sync';
import type { IndexOptions, LibraryServiceOptions } from './library-options';
import { acquireIndexLock, shareIndexLock, waitForIndexLock } from './index-lock';
import type { IndexWorkerData } from './index-protocol';
import { DEFAULT_OCR } from './parsers/ocr';
import { indexPastFailures, runIndexWorker } from './index-runner';
import {
  addSource,
  createCollection,
  deleteDocuments,
  markAllPending,
  removeCollectionRow,
  removeSource,
  setPaused,
  underRoot,
} from './collection-writes';
import { findCollectionId, listCollections, listSources, type CollectionRow } from './reads/collection-reads';
import { describeCollection, documentPathOf, listDocuments, slowestDocuments } from './reads/document-reads';
import { firstQuestions } from './reads/first-questions';
import { mainText } from '../../ipc/main-text';

/**
 * The user's collections: named sets of folders, indexed in a child process so the app stays
 * responsive. One indexing run per collection at a time.
 */
export class LibraryService {
  readonly #options: LibraryServiceOptions;
  readonly #running = new Set<number>();
  /** Stops each running run (see `pause`). */
  readonly #controllers = new Map<number, AbortController>();
  readonly #sync: CollectionSync;
  /** "Open file" for the library's files (document-opener.ts). */
  readonly opener: DocumentOpener;

  constructor(options: LibraryServiceOptions) {
    this.#options = options;
    this.opener = new DocumentOpener(options.db, (documentId) => this.documentPath(documentId));
    this.#sync = new CollectionSync({
      collections: () => listCollections(options.db),
      roots: (collectionId) => listSources(options.db, collectionId).map((source) => source.root),
      isRunning: (collectionId) => this.#running.has(collectionId),
      index: (collectionId) => this.index(collectionId),
      embedderKey: () => options.embedder?.()?.key ?? null,
      onEmbedderChanged: () => this.#changed(),
      debounceMs: options.syncDebounceMs,
      busyRetryMs: options.syncBusyRetryMs,
    });
  }

  /**
   * Keeps every collection in step with its folders: re-scans each now (changes made while Hearth
   * was closed), then watches them and re-indexes a collection after each burst of changes.
   */
  startSync(): Promise<void> {
    return this.#sync.start();
  }

  /** Stops watching, then every run (after the file in hand; kept) and waits: before the databases close. */
  async stopSync(): Promise<void> {
    await this.#sync.stop();
    for (const controller of this.#controllers.values()) controller.abort(new HearthError('CANCELLED', 'Closing.'));
    while (this.#running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Call when the installed models or the chosen embedding model may have changed (`CollectionSync`). */
  embedderMayHaveChanged(): void {
    this.#sync.embedderMayHaveChanged();
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

  /** A few questions to start a first chat over a collection with (its headings, its files). */
  firstQuestions(collectionId: number): string[] {
    return firstQuestions(this.#options.db, this.#collection(collectionId).id);
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
    const path = documentPathOf(this.#options.db, documentId);
    if (!path) throw new HearthError('NOT_FOUND', mainText('library.fileGone'));
    if (!existsSync(path)) {
      throw new HearthError('NOT_FOUND', mainText('library.fileMoved'));
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
    if (!stats) throw new HearthError('NOT_FOUND', mainText('library.noFolder', { path: root }), { path: root });
    if (!stats.isDirectory())
      throw new HearthError('VALIDATION', mainText('library.notAFolder', { path: root }), { path: root });
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
    void this.#sync.refolder(collectionId);
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
    if (!source) throw new HearthError('NOT_FOUND', mainText('library.notInCollection', { path }), { path });
    await this.#exclusively(collectionId, async () => {
      removeSource(this.#options.db, collectionId, source.root);
      const [where, args] = underRoot(collectionId, source.root);
      await deleteDocuments(this.#options.db, where, args);
      await this.#sync.refolder(collectionId);
    });
    this.#sync.settled(collectionId);
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
    this.#controllers.get(collectionId)?.abort(new HearthError('CANCELLED', mainText('library.paused')));
    this.#changed();
    return this.#collection(collectionId);
  }

  /** Lets sync run the collection again, and starts it now to catch up. */
  resume(collectionId: number): Collection {
    this.#requireCollection(collectionId);
    setPaused(this.#options.db, collectionId, false);
    void this.#sync.syncNow(collectionId);
    this.#changed();
    return this.#collection(collectionId);
  }

  /** Removes a collection and everything indexed for it (its files stay on disk). */
  async removeCollection(collectionId: number): Promise<void> {
    this.#requireIdle(collectionId);
    await this.#exclusively(collectionId, async () => {
      await this.#sync.forget(collectionId);
      await deleteDocuments(this.#options.db, 'collection_id = ?', [collectionId]);
      removeCollectionRow(this.#options.db, collectionId);
    });
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
      throw new HearthError('BUSY', mainText('library.stopFirst'));
    }
  }

  documents(
    collectionId: number,
    page: { status?: DocumentStatus; after?: { status: DocumentStatus; path: string }; limit: number },
  ): { total: number; documents: LibraryDocument[] } {
    this.#requireCollection(collectionId);
    return listDocuments(this.#options.db, collectionId, page);
  }

  /** The `limit` files of a collection that took longest to read, slowest first. */
  slowest(collectionId: number, limit: number): SlowDocument[] {
    this.#requireCollection(collectionId);
    return slowestDocuments(this.#options.db, collectionId, limit);
  }

  /** Indexes a collection in a child process, reporting progress, until done or `signal` aborts. */
  async index(collectionId: number, options: IndexOptions = {}): Promise<CollectionReport> {
    this.#requireCollection(collectionId);
    if (this.#running.has(collectionId)) {
      throw new HearthError('BUSY', mainText('library.alreadyIndexing'));
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
      return await indexPastFailures(this.#options.db, signal, async () => {
        chunking ??= embedder ? await embedder.chunking(signal) : null;
        return runIndexWorker(
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
      });
    } finally {
      this.#running.delete(collectionId);
      this.#controllers.delete(collectionId);
      release();
      this.#changed();
      this.#sync.settled(collectionId);
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
    const indexing = this.#running.has(row.id);
    return describeCollection(this.#options.db, row, {
      embedderId,
      indexing,
      // Between two progress messages the last one stands; a fresh run has none yet.
      progress: indexing ? (this.#lastSent?.find((collection) => collection.id === row.id)?.progress ?? null) : null,
    });
  }

  /** The collection's row, or `NOT_FOUND`: a check, without the accounting a description costs. */
  #requireCollection(id: number): CollectionRow {
    const row = listCollections(this.#options.db).find((collection) => collection.id === id);
    if (!row) throw new HearthError('NOT_FOUND', mainText('library.noCollectionId', { id }));
    return row;
  }
}
