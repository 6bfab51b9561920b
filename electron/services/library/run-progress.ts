import type { IndexProgress } from '../../ipc/contract';

/**
 * Where an indexing run is: its stage, what is done of what there is, and at what rate. Rates are
 * over the stage so far (files and chunks differ too much in cost to share one); the estimate of
 * time left needs a second of data, and is absent before.
 */
export class RunProgress {
  #stage: IndexProgress['stage'] = 'scanning';
  #startedAt = performance.now();
  #done = 0;
  #total = 0;
  #bytesDone = 0;
  #bytesTotal = 0;

  /** Enters a stage with what it has to do: files and their bytes, or chunks (bytes 0). */
  stage(stage: IndexProgress['stage'], total: number, bytesTotal = 0): void {
    this.#stage = stage;
    this.#startedAt = performance.now();
    this.#done = 0;
    this.#total = total;
    this.#bytesDone = 0;
    this.#bytesTotal = bytesTotal;
  }

  advance(items: number, bytes = 0): void {
    this.#done += items;
    this.#bytesDone += bytes;
  }

  snapshot(): IndexProgress {
    const seconds = (performance.now() - this.#startedAt) / 1000;
    const rate = seconds > 0 ? this.#done / seconds : 0;
    const bytesPerSecond = seconds > 0 ? this.#bytesDone / seconds : 0;
    const left = Math.max(0, this.#total - this.#done);
    // Bytes predict the time left better than files (one PDF can be a thousand notes).
    const eta =
      seconds < 1 || this.#done === 0
        ? null
        : this.#bytesTotal > 0 && bytesPerSecond > 0
          ? Math.max(0, this.#bytesTotal - this.#bytesDone) / bytesPerSecond
          : left / rate;
    return {
      stage: this.#stage,
      done: this.#done,
      total: this.#total,
      bytesDone: this.#bytesDone,
      bytesTotal: this.#bytesTotal,
      rate,
      bytesPerSecond,
      etaSeconds: eta === null ? null : Math.round(eta),
    };
  }
}
