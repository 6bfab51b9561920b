import { readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { DownloadProgress, DownloadRequest, ModelInfo, PartialDownload } from '../../../ipc/contract';
import { HearthError } from '../../../ipc/errors';
import type { CatalogEntry } from '../../../ipc/schemas/catalog';
import type { EmitEvent } from '../../events';
import type { SettingsService } from '../../settings/settings-service';
import { catalogUrl } from '../catalog';
import { validateGguf } from '../gguf/gguf-validator';
import { downloadFile } from './download-file';
import { discardPartial, partialSize, readState } from './partial-file';
import { modelFileNameFromUrl } from './file-name';
import { mainText } from '../../../ipc/main-text';

export interface DownloadServiceOptions {
  modelsDir: string;
  catalog: readonly CatalogEntry[];
  settings: SettingsService;
  /** Adds a finished, verified file to the model library. */
  register(path: string): Promise<ModelInfo>;
  /** Receives `models.partialsChanged` whenever a download stops or a partial is discarded. */
  emit?: EmitEvent;
  /** Where catalog files are fetched from. Defaults to `https://huggingface.co`. */
  hubBaseUrl?: string;
  /** Which URLs may be fetched. Defaults to https on huggingface.co and hf.co only. */
  isAllowedUrl?: (url: URL) => boolean;
  fetch?: typeof fetch;
  freeSpace?: (dir: string) => Promise<number>;
  retryDelayMs?: number;
  /** How often free space is checked again while writing. Defaults to every 64 MB. */
  spaceCheckBytes?: number;
}

const HUB_HOSTS = new Set(['huggingface.co', 'hf.co']);

/**
 * Hugging Face over https; nothing else leaves the machine. Its file links redirect to its own CDN
 * hosts (`cdn-lfs.huggingface.co`, `cas-bridge.xethub.hf.co`, …), all subdomains of these two.
 */
export function isHubUrl(url: URL): boolean {
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return [...HUB_HOSTS].some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
}

function airGapError(): HearthError {
  return new HearthError('AIR_GAP', mainText('download.airGap'));
}

/**
 * Model downloads the user asked for: from the catalog or a Hugging Face URL, resumable, verified
 * by SHA-256 and GGUF validation before the file gets its final name, refused in air-gap mode.
 */
export class DownloadService {
  readonly #options: DownloadServiceOptions;
  /**
   * Downloads running now, by target: two streams appending to one partial file would corrupt it,
   * and air-gap or a discard must be able to stop them.
   */
  readonly #active = new Map<string, { controller: AbortController; done: Promise<unknown> }>();

  constructor(options: DownloadServiceOptions) {
    this.#options = options;
    // Air-gap means no request at all, from the moment it is switched on: stop what is running.
    options.settings.onChange((settings) => {
      if (settings.airGap) for (const { controller } of this.#active.values()) controller.abort(airGapError());
    });
  }

  async download(
    request: DownloadRequest,
    progress: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void } = {},
  ): Promise<ModelInfo> {
    this.#refuseInAirGap();
    const { url, fileName, expectedSha256, expectedSize } = this.#resolve(request);
    const target = this.#target(fileName);
    if (this.#active.has(target)) throw new HearthError('BUSY', mainText('download.already', { file: fileName }));
    const controller = new AbortController();
    const signal = progress.signal ? AbortSignal.any([progress.signal, controller.signal]) : controller.signal;
    const running = downloadFile({
      url,
      target,
      expectedSha256,
      expectedSize,
      signal,
      onProgress: progress.onProgress,
      verify: async (path) => void (await validateGguf([path], { checkTensors: false })),
      isAllowedUrl: this.#options.isAllowedUrl ?? isHubUrl,
      beforeRequest: () => this.#refuseInAirGap(),
      fetch: this.#options.fetch,
      freeSpace: this.#options.freeSpace,
      retryDelayMs: this.#options.retryDelayMs,
      spaceCheckBytes: this.#options.spaceCheckBytes,
    });
    this.#active.set(target, { controller, done: running.catch(() => undefined) });
    let installed: string;
    try {
      installed = await running;
    } catch (error) {
      // Stopped by us (air-gap, discard): say why, not "aborted".
      if (controller.signal.aborted && controller.signal.reason instanceof HearthError) throw controller.signal.reason;
      throw error;
    } finally {
      this.#active.delete(target);
      void this.#partialsChanged();
    }
    return this.#options.register(installed);
  }
  /** Downloads paused or interrupted (by cancel, a crash or a restart) that can be resumed. */
  async partials(): Promise<PartialDownload[]> {
    const names = await readdir(this.#options.modelsDir).catch(() => [] as string[]);
    const found: PartialDownload[] = [];
    for (const name of names.filter((n) => n.endsWith('.gguf.part.json'))) {
      const fileName = name.slice(0, -'.part.json'.length);
      const target = this.#target(fileName);
      const state = await readState(target);
      if (state) found.push({ fileName, url: state.url, bytes: await partialSize(target), total: state.total });
    }
    return found;
  }

  /**
   * Cancel-and-discard in one step: stops the download of `request` if it is running (its stream
   * ends with `CANCELLED`), then deletes its partial file. The file is found by the same rule the
   * download used, so nothing can stay behind under a name the caller guessed differently.
   */
  async discard(request: DownloadRequest): Promise<void> {
    const { fileName } = this.#resolve(request);
    const target = this.#target(fileName);
    const running = this.#active.get(target);
    if (running) {
      running.controller.abort(new HearthError('CANCELLED', mainText('download.discarded', { file: fileName })));
      await running.done;
    }
    await discardPartial(target);
    await this.#partialsChanged();
  }

  async #partialsChanged(): Promise<void> {
    if (this.#options.emit) this.#options.emit('models.partialsChanged', await this.partials());
  }

  #refuseInAirGap(): void {
    if (this.#options.settings.get().airGap) throw airGapError();
  }

  #resolve(request: DownloadRequest): {
    url: string;
    fileName: string;
    expectedSha256?: string;
    expectedSize?: number;
  } {
    if ('catalogId' in request) {
      const entry = this.#options.catalog.find((e) => e.id === request.catalogId);
      if (!entry) throw new HearthError('NOT_FOUND', mainText('download.noCatalogModel', { id: request.catalogId }));
      const url = catalogUrl(entry, this.#options.hubBaseUrl ?? 'https://huggingface.co');
      return {
        url,
        fileName: modelFileNameFromUrl(new URL(url)),
        expectedSha256: entry.sha256,
        expectedSize: entry.sizeBytes,
      };
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new HearthError('VALIDATION', mainText('download.notUrl', { url: request.url }));
    }
    if (!(this.#options.isAllowedUrl ?? isHubUrl)(url)) {
      throw new HearthError('VALIDATION', mainText('download.onlyHuggingFace'));
    }
    // A page link (`/blob/`) becomes the file link (`/resolve/`), which also carries the hash header.
    url.pathname = url.pathname.replace(/^(\/[^/]+\/[^/]+)\/blob\//, '$1/resolve/');
    return { url: url.toString(), fileName: modelFileNameFromUrl(url) };
  }

  #target(fileName: string): string {
    const dir = resolve(this.#options.modelsDir);
    const target = resolve(dir, fileName);
    if (!target.startsWith(dir + sep))
      throw new HearthError('VALIDATION', mainText('download.unsafeName', { file: fileName }));
    return join(dir, fileName);
  }
}
