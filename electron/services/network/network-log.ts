import type { NetworkPurpose, NetworkRequest } from '../../ipc/schemas/network';

export interface NetworkLogOptions {
  /** Told the whole log after every change (the window's Network activity). */
  onChange?: (requests: NetworkRequest[]) => void;
  /** Requests kept, newest first. Defaults to 200. */
  limit?: number;
}

/**
 * Every request Hearth makes to the network in this session, for the user to see: privacy is
 * shown, not only promised. Requests go through `fetch(purpose)`, so nothing is sent that is not
 * logged first. Kept in memory only: a record of where the user's machine connected is theirs and
 * is not written down.
 */
export class NetworkLog {
  readonly #options: NetworkLogOptions;
  #requests: NetworkRequest[] = [];
  #nextId = 1;

  constructor(options: NetworkLogOptions = {}) {
    this.#options = options;
  }

  list(): NetworkRequest[] {
    return this.#requests.map((request) => ({ ...request }));
  }

  /** A `fetch` that logs each request under `purpose`, then makes it with `inner`. */
  fetch(purpose: NetworkPurpose, inner: typeof fetch = globalThis.fetch): typeof fetch {
    return async (input, init) => {
      // Read from the arguments, not by building a Request: that would take a streamed body.
      const url = new URL(input instanceof Request ? input.url : input);
      const entry: NetworkRequest = {
        id: this.#nextId++,
        at: new Date().toISOString(),
        purpose,
        method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
        host: url.host,
        path: url.pathname,
        status: null,
        error: null,
      };
      this.#requests = [entry, ...this.#requests].slice(0, this.#options.limit ?? 200);
      this.#changed();
      try {
        const response = await inner(input, init);
        entry.status = response.status;
        return response;
      } catch (error) {
        entry.error = error instanceof Error && error.name === 'AbortError' ? 'cancelled' : 'no answer';
        throw error;
      } finally {
        this.#changed();
      }
    };
  }

  #changed(): void {
    this.#options.onChange?.(this.list());
  }
}
