import type { Result, StreamMessage } from './contract';
import type { Dispatcher } from './dispatch';

/**
 * The streams one renderer connection has running (one per window in Electron, one per socket in
 * the test bridge), so both transports share exactly this bookkeeping: ids are the caller's, a
 * reused id is refused instead of orphaning the first stream's abort handle, and everything still
 * running is aborted when the connection goes away (window closed, page reloaded or navigated).
 */
export class StreamRegistry {
  readonly #running = new Map<string, AbortController>();

  constructor(
    private readonly dispatcher: Dispatcher,
    /** Delivers a stream message to this connection. */
    private readonly send: (message: StreamMessage) => void,
  ) {}

  start(id: string, channel: unknown, input: unknown): void {
    if (this.#running.has(id)) {
      const refused: Result<never> = {
        ok: false,
        error: { code: 'VALIDATION', message: `Stream id "${id}" is already in use.` },
      };
      return this.send({ id, type: 'end', result: refused });
    }
    const controller = new AbortController();
    this.#running.set(id, controller);
    void this.dispatcher
      .stream(channel, input, { signal: controller.signal, onEvent: (data) => this.send({ id, type: 'event', data }) })
      .then((result) => {
        this.#running.delete(id);
        this.send({ id, type: 'end', result });
      });
  }

  abort(id: string): void {
    this.#running.get(id)?.abort();
  }

  abortAll(): void {
    for (const controller of this.#running.values()) controller.abort();
    this.#running.clear();
  }

  get size(): number {
    return this.#running.size;
  }
}
