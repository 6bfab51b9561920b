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
      const url = input instanceof Request ? input.url : input;
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const request = this.record(purpose, method, url);
      try {
        const response = await inner(input, init);
        request.answered(response.status);
        return response;
      } catch (error) {
        request.failed(error);
        throw error;
      }
    };
  }

  /**
   * Logs a request made by code that does not take a `fetch` (electron-updater): listed at once,
   * then completed with its status or its failure.
   */
  record(purpose: NetworkPurpose, method: string, url: string | URL) {
    const { host, pathname } = new URL(url);
    const entry: NetworkRequest = {
      id: this.#nextId++,
      at: new Date().toISOString(),
      purpose,
      method: method.toUpperCase(),
      host,
      path: pathname,
      status: null,
      error: null,
    };
    this.#requests = [entry, ...this.#requests].slice(0, this.#options.limit ?? 200);
    this.#changed();
    return {
      answered: (status: number) => {
        entry.status = status;
        this.#changed();
      },
      failed: (error: unknown) => {
        entry.error = error instanceof Error && error.name === 'AbortError' ? 'cancelled' : 'no answer';
        this.#changed();
      },
    };
  }

  #changed(): void {
    this.#options.onChange?.(this.list());
  }
}
