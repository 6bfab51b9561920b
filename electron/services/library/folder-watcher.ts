import { watch, type FSWatcher } from 'chokidar';

export interface FolderWatcherOptions {
  /** Called once a burst of changes under a collection's folders has settled. */
  onChange(collectionId: number): void;
  /** Quiet time after the last change before `onChange`. Defaults to 1 s. */
  debounceMs?: number;
}

/** Folders never worth watching: their churn would re-scan a collection for nothing. */
const NEVER_WATCHED = /(^|[\\/])(\.git|\.hg|\.svn|node_modules|__pycache__|\.cache|\.venv)([\\/]|$)/;

/**
 * Watches each collection's folders (chokidar) and says when something changed, once per burst:
 * an editor's atomic save (write a temporary file, rename it over the original) or a folder
 * copied in is many events and one re-index. What changed is found by the re-index itself
 * (sizes, modification times, hashes), so a missed or duplicated event costs nothing.
 */
export class FolderWatcher {
  readonly #options: FolderWatcherOptions;
  readonly #watchers = new Map<number, FSWatcher>();
  readonly #timers = new Map<number, NodeJS.Timeout>();

  constructor(options: FolderWatcherOptions) {
    this.#options = options;
  }

  /** Starts (or restarts, with these folders) watching a collection. Resolves once it is watching. */
  async watch(collectionId: number, roots: readonly string[]): Promise<void> {
    await this.unwatch(collectionId);
    if (!roots.length) return;
    const watcher = watch([...roots], {
      ignoreInitial: true,
      atomic: true,
      awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 },
      ignored: (path: string) => NEVER_WATCHED.test(path),
    });
    watcher.on('all', () => this.#changed(collectionId));
    // An unreadable folder is reported by the walk; the watcher just goes on without it.
    watcher.on('error', () => undefined);
    this.#watchers.set(collectionId, watcher);
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  isWatching(collectionId: number): boolean {
    return this.#watchers.has(collectionId);
  }

  async unwatch(collectionId: number): Promise<void> {
    clearTimeout(this.#timers.get(collectionId));
    this.#timers.delete(collectionId);
    const watcher = this.#watchers.get(collectionId);
    this.#watchers.delete(collectionId);
    await watcher?.close();
  }

  async close(): Promise<void> {
    for (const id of [...this.#watchers.keys()]) await this.unwatch(id);
  }

  #changed(collectionId: number): void {
    clearTimeout(this.#timers.get(collectionId));
    const timer = setTimeout(() => {
      this.#timers.delete(collectionId);
      this.#options.onChange(collectionId);
    }, this.#options.debounceMs ?? 1000);
    timer.unref();
    this.#timers.set(collectionId, timer);
  }
}
