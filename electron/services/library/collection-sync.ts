import { HearthError } from '../../ipc/errors';
import { FolderWatcher } from './folder-watcher';

export interface CollectionSyncOptions {
  /** The collections there are, with whether the user paused each. */
  collections(): Array<{ id: number; paused: boolean }>;
  /** A collection's folders, to watch. */
  roots(collectionId: number): string[];
  /** Whether a run (or a removal) of the collection is under way. */
  isRunning(collectionId: number): boolean;
  /** Runs the collection's indexing; a failure is logged, and the next change tries again. */
  index(collectionId: number): Promise<unknown>;
  /** The embedding model in use, read at each look (`null` when none is installed). */
  embedderKey(): string | null;
  /** Told when the embedding model in use became another one. */
  onEmbedderChanged(): void;
  /** Quiet time after a change on disk before a watched collection is re-indexed. Defaults to 1 s. */
  debounceMs?: number;
  /** Wait before trying again a sync that found the library `BUSY` (another process indexing). Defaults to 30 s. */
  busyRetryMs?: number;
}

/**
 * Keeps every collection in step with its folders: a scan at start (changes made while Hearth was
 * closed), then a run after each burst of changes on disk, and once more after a run during which
 * files changed. A new embedding model brings every collection up to date.
 */
export class CollectionSync {
  readonly #options: CollectionSyncOptions;
  readonly #watcher: FolderWatcher;
  /** Collections that changed on disk while they were being indexed: index them again after. */
  readonly #again = new Set<number>();
  /** Whether sync was started (then a new embedding model fills its vectors at once). */
  #syncing = false;
  #embedderKey: string | null | undefined;
  /** Syncs waiting to try again after `BUSY`, by collection. */
  readonly #retries = new Map<number, NodeJS.Timeout>();

  constructor(options: CollectionSyncOptions) {
    this.#options = options;
    this.#watcher = new FolderWatcher({
      debounceMs: options.debounceMs,
      onChange: (collectionId) => void this.syncNow(collectionId),
    });
  }

  async start(): Promise<void> {
    this.#syncing = true;
    this.#embedderKey = this.#options.embedderKey();
    for (const collection of this.#options.collections()) {
      await this.#watcher.watch(collection.id, this.#options.roots(collection.id));
      await this.syncNow(collection.id);
    }
  }

  async stop(): Promise<void> {
    this.#syncing = false;
    for (const timer of this.#retries.values()) clearTimeout(timer);
    this.#retries.clear();
    await this.#watcher.close();
  }

  /**
   * Call when the installed models or the chosen embedding model may have changed. If the
   * embedding model is now another one (or the first one), every collection is brought up to date:
   * the new vectors are filled in the background, and the old ones serve search until then.
   */
  embedderMayHaveChanged(): void {
    const key = this.#options.embedderKey();
    if (key === this.#embedderKey) return;
    const first = this.#embedderKey === undefined;
    this.#embedderKey = key;
    // The first look has nothing to compare with: it only notes the model in use.
    if (first) return;
    this.#options.onEmbedderChanged();
    if (!this.#syncing || key === null) return;
    for (const collection of this.#options.collections()) void this.syncNow(collection.id);
  }

  /** Indexes the collection now, or right after the run under way; never a paused one. */
  async syncNow(collectionId: number): Promise<void> {
    if (this.#options.collections().find((row) => row.id === collectionId)?.paused) return;
    if (this.#options.isRunning(collectionId)) {
      this.#again.add(collectionId);
      return;
    }
    clearTimeout(this.#retries.get(collectionId));
    this.#retries.delete(collectionId);
    try {
      await this.#options.index(collectionId);
    } catch (error) {
      // BUSY (the CLI's process is indexing this library): try again once it may be done, so the
      // changes are not left waiting for the next change. Any other failure: the next change, or
      // the next start, tries again.
      if (error instanceof HearthError && error.code === 'BUSY' && this.#syncing) {
        const timer = setTimeout(() => void this.syncNow(collectionId), this.#options.busyRetryMs ?? 30_000);
        timer.unref();
        this.#retries.set(collectionId, timer);
      }
      console.warn(
        `[library] sync of collection ${collectionId} did not run:`,
        error instanceof Error ? error.message : error,
      );
    }
  }

  /** After a run or a removal: index again if files changed meanwhile. */
  settled(collectionId: number): void {
    if (this.#again.delete(collectionId)) void this.syncNow(collectionId);
  }

  /** Watches the collection's folders as they are now, after one was added or removed. */
  async refolder(collectionId: number): Promise<void> {
    if (this.#syncing) await this.#watcher.watch(collectionId, this.#options.roots(collectionId));
    else await this.#watcher.unwatch(collectionId);
  }

  /** A removed collection: no watching, no pending run. */
  async forget(collectionId: number): Promise<void> {
    clearTimeout(this.#retries.get(collectionId));
    this.#retries.delete(collectionId);
    await this.#watcher.unwatch(collectionId);
    this.#again.delete(collectionId);
  }
}
