import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { HearthError } from '../../ipc/errors';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import { entryPath } from './entry-path';
import { mainText } from '../../ipc/main-text';

export interface WorkerClientOptions {
  /** The worker's entry: `<name>.js` beside the main bundle (a build entry), `<name>.ts` in `sourceDir`. */
  name: string;
  /** The folder of the worker's TypeScript source, for runs from source (tests, the CLI in dev). */
  sourceDir: string;
  /** Stop the thread after this long without work, so an idle app holds none. Defaults to 10 s. */
  idleMs?: number;
  /** Abandon a task that takes longer, and restart the thread. Defaults to 60 s. */
  timeoutMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/**
 * Runs CPU-bound work (parsing untrusted files) on a worker thread so the main process's event
 * loop, and with it the window's IPC, never waits on it. One thread, started on first use,
 * stopped when idle; tasks queue on it. A crashed or stuck thread fails its tasks and is replaced.
 */
export class WorkerClient<In, Out> {
  readonly #options: Required<WorkerClientOptions>;
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #idle: NodeJS.Timeout | null = null;

  constructor(options: WorkerClientOptions) {
    this.#options = { idleMs: 10_000, timeoutMs: 60_000, ...options };
  }

  run(input: In): Promise<Out> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    if (this.#idle) clearTimeout(this.#idle);
    return new Promise<Out>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#failAll(new HearthError('INTERNAL', mainText('workers.tooLong', { name: this.#options.name })));
      }, this.#options.timeoutMs);
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      worker.postMessage({ id, input } satisfies WorkerRequest<In>);
    });
  }

  /** Stops the thread; pending tasks fail. */
  async terminate(): Promise<void> {
    if (this.#idle) clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = null;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(new HearthError('CANCELLED', mainText('workers.closing')));
      this.#pending.delete(id);
    }
    await worker?.terminate();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = startWorker(this.#options.name, this.#options.sourceDir);
    // The thread must never keep a CLI or a test process alive on its own.
    worker.unref();
    worker.on('message', (reply: WorkerReply<Out>) => this.#settle(reply));
    worker.on('error', (error) => this.#failAll(error));
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = null;
      if (this.#pending.size > 0)
        this.#failAll(new HearthError('INTERNAL', mainText('workers.stopped', { code: String(code) })));
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: WorkerReply<Out>): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new HearthError(reply.error.code, reply.error.message, reply.error.details));
    if (this.#pending.size === 0) this.#scheduleIdleStop();
  }

  #failAll(error: unknown): void {
    const worker = this.#worker;
    this.#worker = null;
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.#pending.delete(id);
    }
    void worker?.terminate();
  }

  #scheduleIdleStop(): void {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = setTimeout(() => void this.terminate(), this.#options.idleMs);
    this.#idle.unref();
  }
}

/**
 * The built worker (`out/main/<name>.js`, beside the bundle this file is part of) or, when running
 * from source, its TypeScript compiled on the fly by tsx (a dev dependency).
 */
export function startWorker(
  name: string,
  sourceDir: string,
  workerData?: unknown,
  resourceLimits?: WorkerOptions['resourceLimits'],
): Worker {
  const entry = entryPath(name, sourceDir);
  if (!entry.fromSource) return new Worker(entry.path, { workerData, resourceLimits });
  const source = pathToFileURL(entry.path).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}
