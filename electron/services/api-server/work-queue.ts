import { HearthError } from '../../ipc/errors';

export interface WorkQueueOptions {
  /** Jobs running at once. Defaults to 1: one model evaluates one request at a time anyway. */
  concurrency?: number;
  /** Jobs waiting beyond those; one more is refused with `BUSY`. Defaults to 4. */
  waiting?: number;
}

/**
 * A bounded queue for model work: a flood of requests waits in a short line, and past it is
 * refused at once (the server answers 429 with Retry-After) instead of piling up in memory.
 */
export class WorkQueue {
  readonly #concurrency: number;
  readonly #waiting: number;
  #running = 0;
  readonly #line: Array<() => void> = [];

  constructor(options: WorkQueueOptions = {}) {
    this.#concurrency = options.concurrency ?? 1;
    this.#waiting = options.waiting ?? 4;
  }

  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.#running < this.#concurrency) this.#running++;
    else {
      if (this.#line.length >= this.#waiting)
        throw new HearthError('BUSY', 'The local API is busy; try again shortly.');
      // A finishing job hands its slot straight to the first in line, so no newcomer jumps it.
      await new Promise<void>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', leave);
          resolve();
        };
        const leave = () => {
          const index = this.#line.indexOf(start);
          if (index >= 0) this.#line.splice(index, 1);
          reject(signal!.reason);
        };
        signal?.addEventListener('abort', leave, { once: true });
        this.#line.push(start);
      });
    }
    try {
      return await work();
    } finally {
      const next = this.#line.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
