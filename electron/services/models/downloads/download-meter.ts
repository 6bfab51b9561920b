import type { DownloadProgress } from '../../../ipc/contract';

/** At most one progress report per this many milliseconds (a last one is forced at the end). */
const PROGRESS_INTERVAL_MS = 250;

/** Throttled progress with speed over this session and an ETA. */
export class DownloadMeter {
  total: number | null = null;
  readonly #startBytes: number;
  readonly #started = performance.now();
  #last = 0;

  constructor(
    startBytes: number,
    readonly onProgress?: (progress: DownloadProgress) => void,
  ) {
    this.#startBytes = startBytes;
  }

  update(bytes: number, force = false): void {
    const now = performance.now();
    if (!this.onProgress || (!force && now - this.#last < PROGRESS_INTERVAL_MS)) return;
    this.#last = now;
    const seconds = (now - this.#started) / 1000;
    const bytesPerSecond = seconds > 0 ? (bytes - this.#startBytes) / seconds : 0;
    const etaSeconds = this.total !== null && bytesPerSecond > 0 ? (this.total - bytes) / bytesPerSecond : null;
    this.onProgress({ bytes, total: this.total, bytesPerSecond, etaSeconds });
  }
}
