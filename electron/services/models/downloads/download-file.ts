import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rename, rm, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DownloadProgress } from '../../../ipc/contract';
import { HearthError } from '../../../ipc/errors';
import { freePaths, sha256File } from '../file-identity';
import { DownloadMeter } from './download-meter';
import { discardPartial, hashExisting, partialPath, readState, statePath, writeState } from './partial-file';
import { mainText } from '../../../ipc/main-text';

export interface DownloadFileOptions {
  url: string;
  /** The final path. Nothing is ever written there except a complete, verified file. */
  target: string;
  /** A pinned SHA-256 (the catalog's). When absent, the hash the server publishes is required. */
  expectedSha256?: string;
  /** Aborting pauses: the partial file stays and the next call with the same URL resumes it. */
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Reconnections after a dropped connection or a 5xx. Defaults to 5. */
  retries?: number;
  /** Wait before the first reconnection, doubled each time. Defaults to 500 ms. */
  retryDelayMs?: number;
  /** Checks the finished file before it gets its final name (e.g. GGUF validation). */
  verify?: (path: string) => Promise<void>;
  /** Free bytes where the file goes. Defaults to `statfs` of the target's folder. */
  freeSpace?: (dir: string) => Promise<number>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * Which URLs a redirect may lead to. Every hop is checked (never https → http). Defaults to
   * accepting any https URL; the download service passes its allow-list.
   */
  isAllowedUrl?: (url: URL) => boolean;
  /** Runs before every request, retries included; throws to stop (air-gap turned on). */
  beforeRequest?: () => void;
  /** The size the catalog states, used when the server does not say. */
  expectedSize?: number;
  /** Free space is checked again after every this many bytes written. Defaults to 64 MB. */
  spaceCheckBytes?: number;
}

/** Room kept free beyond the file itself, so a download never fills the disk to the last byte. */
const SPACE_MARGIN = 256 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Downloads `url` to `target` resumably (HTTP Range), hashing while streaming, and renames the
 * file into place only once its SHA-256 matches and `verify` accepts it. A wrong hash deletes the
 * partial file; a pause or crash keeps it for the next attempt.
 */
export async function downloadFile(options: DownloadFileOptions): Promise<string> {
  const { target } = options;
  const doFetch = options.fetch ?? fetch;
  const retries = options.retries ?? 5;
  let state = await readState(target);
  if (state && state.url !== options.url) {
    await discardPartial(target);
    state = null;
  }
  let expected = options.expectedSha256?.toLowerCase() ?? state?.expectedSha256 ?? null;
  let total = state?.total ?? null;
  const hash = createHash('sha256');
  let bytes = existsSync(partialPath(target)) && state ? await hashExisting(partialPath(target), hash) : 0;
  if (!state) await rm(partialPath(target), { force: true });

  const meter = new DownloadMeter(bytes, options.onProgress);
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    const { response, published } = await request(options, doFetch, bytes);

    if (response.status === 416 && total !== null && bytes === total) break; // already complete
    if ((response.status === 200 || response.status === 416) && bytes > 0) {
      // The server ignored the Range header, or the partial file no longer matches what it serves:
      // start over rather than append a second copy.
      await response.body?.cancel();
      await rm(partialPath(target), { force: true });
      return downloadFile({ ...options, retries: retries - attempt });
    }
    if (response.status >= 500 && attempt < retries) {
      await response.body?.cancel();
      await delay(retryDelay(options, attempt), options.signal);
      continue;
    }
    if (response.status !== 200 && response.status !== 206) {
      await response.body?.cancel();
      throw new HearthError(
        'DOWNLOAD_FAILED',
        mainText('download.http', { status: response.status, url: options.url }),
        {
          status: response.status,
          url: options.url,
        },
      );
    }

    if (expected && published && published !== expected) {
      await response.body?.cancel();
      throw new HearthError('HASH_MISMATCH', mainText('download.hubHash'), {
        expected,
        published,
      });
    }
    expected ??= published;
    total = responseTotal(response, bytes) ?? total ?? options.expectedSize ?? null;
    if (total === null) {
      // Without a size there is no way to stop an endless body before it fills the disk.
      await response.body?.cancel();
      throw new HearthError('DOWNLOAD_FAILED', mainText('download.noSize'));
    }
    if (bytes === 0) await ensureSpace(options, total);
    await writeState(target, { url: options.url, expectedSha256: expected, total });
    meter.total = total;

    const received = { bytes };
    try {
      await appendBody(response, partialPath(target), hash, received, meter, { total, options });
      bytes = received.bytes;
      break;
    } catch (error) {
      // Our own refusals (oversized body, disk full) are final; only a dropped connection retries.
      if (error instanceof HearthError) throw error;
      // What reached the file (and the hash) before the drop is kept: the retry resumes after it.
      bytes = received.bytes;
      if (options.signal?.aborted || attempt >= retries) {
        if (options.signal?.aborted) throw error;
        throw new HearthError('DOWNLOAD_FAILED', mainText('download.dropping', { why: describe(error) }), {
          bytes,
        });
      }
      await delay(retryDelay(options, attempt), options.signal);
    }
  }

  if (total !== null && bytes !== total) {
    throw new HearthError('DOWNLOAD_FAILED', mainText('download.short', { bytes, total }), {
      bytes,
      total,
    });
  }
  return finish(options, hash.digest('hex'), expected);
}

/**
 * One request, following redirects by hand so that every hop is checked against the allow-list
 * (a redirect to another origin, or from https down to http, is refused). The hub publishes the
 * file's SHA-256 on the redirect response rather than on the CDN's, so the first hash seen wins.
 */
async function request(
  options: DownloadFileOptions,
  doFetch: typeof fetch,
  from: number,
): Promise<{ response: Response; published: string | null }> {
  let url = new URL(options.url);
  let published: string | null = null;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    options.beforeRequest?.();
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: from > 0 ? { Range: `bytes=${from}-` } : {},
        redirect: 'manual',
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new HearthError(
        'DOWNLOAD_FAILED',
        mainText('download.unreachable', { host: url.host, why: describe(error) }),
        { host: url.host },
      );
    }
    published ??= publishedSha256(response.headers);
    if (!REDIRECT_STATUSES.has(response.status)) return { response, published };
    await response.body?.cancel();
    url = checkedRedirect(url, response.headers.get('location'), options.isAllowedUrl);
  }
  throw new HearthError('DOWNLOAD_FAILED', mainText('download.redirects', { count: MAX_REDIRECTS }));
}

/** Where a redirect leads, if it may be followed: https unless already http (tests), allowed host. */
export function checkedRedirect(from: URL, location: string | null, isAllowed?: (url: URL) => boolean): URL {
  let next: URL;
  try {
    next = new URL(location ?? '', from);
  } catch {
    throw new HearthError('DOWNLOAD_FAILED', mainText('download.badRedirect'));
  }
  if (!location) throw new HearthError('DOWNLOAD_FAILED', mainText('download.redirectNowhere'));
  const downgrade = from.protocol === 'https:' && next.protocol !== 'https:';
  const allowed = isAllowed ? isAllowed(next) : next.protocol === 'https:';
  if (downgrade || !allowed) {
    throw new HearthError(
      'DOWNLOAD_FAILED',
      mainText('download.redirectRefused', { origin: `${next.protocol}//${next.host}` }),
      { host: next.host },
    );
  }
  return next;
}

/**
 * Streams the body onto the partial file, advancing `received.bytes` chunk by chunk. Stops a body
 * that runs past the announced size, and re-checks free space as the file grows.
 */
async function appendBody(
  response: Response,
  path: string,
  hash: Hash,
  received: { bytes: number },
  meter: DownloadMeter,
  limits: { total: number; options: DownloadFileOptions },
) {
  if (!response.body) return;
  const file = await open(path, 'a');
  const spaceCheckBytes = limits.options.spaceCheckBytes ?? 64 * 1024 * 1024;
  let nextSpaceCheck = received.bytes + spaceCheckBytes;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (received.bytes + chunk.length > limits.total) {
        await discardPartial(limits.options.target);
        throw new HearthError('DOWNLOAD_FAILED', mainText('download.tooMuch', { total: limits.total }));
      }
      await file.write(chunk);
      hash.update(chunk);
      received.bytes += chunk.length;
      meter.update(received.bytes);
      if (received.bytes >= nextSpaceCheck) {
        nextSpaceCheck = received.bytes + spaceCheckBytes;
        await ensureSpace(limits.options, limits.total - received.bytes);
      }
    }
  } finally {
    await file.close();
    meter.update(received.bytes, true);
  }
}

/** Verifies the partial file and gives it its final name; returns that path. */
async function finish(options: DownloadFileOptions, actual: string, expected: string | null): Promise<string> {
  const partial = partialPath(options.target);
  if (!expected) {
    await discardPartial(options.target);
    throw new HearthError('DOWNLOAD_FAILED', mainText('download.noHash'));
  }
  if (actual !== expected) {
    await discardPartial(options.target);
    throw new HearthError('HASH_MISMATCH', mainText('download.hashMismatch'), {
      expected,
      actual,
    });
  }
  try {
    await options.verify?.(partial);
  } catch (error) {
    await discardPartial(options.target);
    throw error;
  }
  // Never overwrite (the partial's hash is already known; only the installed file is hashed): the same bytes already installed under this name are kept as they are; a
  // different file with this name makes the download take a free name.
  if (existsSync(options.target) && (await sha256File(options.target)) === actual) {
    await discardPartial(options.target);
    return options.target;
  }
  const [final] = freePaths([options.target]);
  await rename(partial, final!);
  await rm(statePath(options.target), { force: true });
  return final!;
}

/** Hugging Face sends the LFS SHA-256 as `X-Linked-Etag` on resolve URLs; some servers as `ETag`. */
export function publishedSha256(headers: Headers): string | null {
  for (const name of ['x-linked-etag', 'etag']) {
    const value = headers.get(name)?.replace(/^W\//, '').replaceAll('"', '').trim().toLowerCase();
    if (value && SHA256.test(value)) return value;
  }
  return null;
}

function responseTotal(response: Response, offset: number): number | null {
  const range = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = response.headers.get('content-length');
  return length === null ? null : offset + Number(length);
}

async function ensureSpace(options: DownloadFileOptions, total: number): Promise<void> {
  const dir = dirname(options.target);
  const free = options.freeSpace ? await options.freeSpace(dir) : await freeBytes(dir);
  if (free < total + SPACE_MARGIN) {
    throw new HearthError('INSUFFICIENT_SPACE', mainText('download.noSpace', { needed: total, free }), {
      needed: total,
      free,
    });
  }
}

async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

function retryDelay(options: DownloadFileOptions, attempt: number): number {
  return (options.retryDelayMs ?? 500) * 2 ** attempt;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
