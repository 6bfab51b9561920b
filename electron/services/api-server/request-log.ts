import type { ApiLogEntry } from '../../ipc/schemas/api-server';

/** Entries kept; older ones are dropped. */
const CAPACITY = 200;

/**
 * What a request turned out to be, filled in as it runs: a streamed answer's tokens and a client
 * that hung up are known only after the response has started.
 */
export interface RequestOutcome {
  /** Set by a streamed response, which ends the entry itself when the stream closes. */
  streaming: boolean;
  status: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
}

type Recorded = Omit<ApiLogEntry, 'status' | 'promptTokens' | 'completionTokens' | 'ms'> & {
  started: number;
  ended: number | null;
  outcome: RequestOutcome;
};

/**
 * What the local API served: time, method, route, status, duration and token counts. Never the
 * text of a prompt or an answer, nor the key. In memory only, newest first.
 */
export class RequestLog {
  readonly #entries: Recorded[] = [];

  /** Starts an entry; the returned outcome and `end` complete it. */
  begin(method: string, route: string): { outcome: RequestOutcome; end(status: number): void } {
    const entry: Recorded = {
      time: new Date().toISOString(),
      method,
      route,
      started: performance.now(),
      ended: null,
      outcome: { streaming: false, status: null, promptTokens: null, completionTokens: null },
    };
    this.#entries.unshift(entry);
    if (this.#entries.length > CAPACITY) this.#entries.length = CAPACITY;
    return {
      outcome: entry.outcome,
      end(status) {
        entry.outcome.status ??= status;
        entry.ended ??= performance.now();
      },
    };
  }

  list(): ApiLogEntry[] {
    return this.#entries.map((entry) => ({
      time: entry.time,
      method: entry.method,
      route: entry.route,
      status: entry.outcome.status ?? 0,
      ms: Math.round((entry.ended ?? performance.now()) - entry.started),
      promptTokens: entry.outcome.promptTokens,
      completionTokens: entry.outcome.completionTokens,
    }));
  }
}
