import { homedir } from 'node:os';
import { join } from 'node:path';

/** What the message needs to know about the download that failed. */
export interface DownloadAttempt {
  /** e.g. `45.5.0`. */
  version: string;
  /** e.g. `linux-x64`. */
  target: string;
  /** The URL @electron/get asked for (after ELECTRON_MIRROR and friends were applied). */
  url: string;
  /** Where downloaded zips are cached (`electron_config_cache`, else the OS cache folder). */
  cacheDir: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL']);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * One plain sentence naming why the download failed. Node's fetch hides the reason in `cause`
 * ("fetch failed"), and Electron's own installer prints only that, so this digs it out.
 */
export function describeCause(error: unknown, url: string): string {
  const host = hostOf(url);
  const err = error instanceof Error ? error : new Error(String(error));
  const cause = err.cause as { code?: string; message?: string } | undefined;
  const code = cause?.code ?? (err as { code?: string }).code;
  if (err.name === 'AbortError' || err.name === 'TimeoutError' || code === 'ABORT_ERR')
    return `the download from ${host} stalled (no data for too long) and was stopped.`;
  if (code && DNS_CODES.has(code))
    return `${host} could not be found (DNS lookup failed: ${code}). This machine looks offline, or DNS is blocked.`;
  if (code && CONNECT_CODES.has(code)) return `${host} could not be reached (${code}): no network, or a firewall.`;
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return `the TLS certificate of ${host} was not trusted (${code}), as happens behind an intercepting proxy.`;
  if (err.name === 'HTTPError') {
    const status = /Response code (\d+)/.exec(err.message)?.[1] ?? 'an error';
    return status === '404'
      ? `${host} answered 404: it has no Electron ${fileOf(url)} at that address.`
      : `${host} answered HTTP ${status}.`;
  }
  if (/checksum/i.test(err.message))
    return `the file from ${host} did not match Electron's published SHA-256: it is damaged or not the real Electron.`;
  if (/bad port/i.test(cause?.message ?? '')) return `${url} uses a port that downloads may not use.`;
  return cause?.message ? `${firstLine(err.message)}: ${firstLine(cause.message)}` : firstLine(err.message);
}

/** The whole message `npm start` prints when Electron is missing and cannot be fetched. */
export function downloadFailureMessage(attempt: DownloadAttempt, error: unknown): string {
  const file = fileOf(attempt.url);
  return [
    `Hearth cannot start: Electron ${attempt.version} (${attempt.target}) is not installed, and downloading it failed.`,
    '',
    `Cause: ${describeCause(error, attempt.url)}`,
    '',
    'What to do:',
    `  - Connect to the internet and run \`npm start\` again. Electron is downloaded once (roughly 100 MB)`,
    `    and kept in ${attempt.cacheDir}.`,
    '  - Behind a proxy: set HTTPS_PROXY=http://host:port and ELECTRON_GET_USE_PROXY=1, then run it again.',
    `  - From a mirror: set ELECTRON_MIRROR to a mirror that serves v${attempt.version}/${file}`,
    '    (e.g. your company’s artifact server).',
    `  - Offline: copy the Electron cache folder (${attempt.cacheDir}) from a machine where \`npm start\``,
    '    has run, or set electron_config_cache to a copy of it; or set ELECTRON_EXEC_PATH to an',
    `    Electron ${attempt.version.split('.')[0]} executable you already have.`,
    '',
    'The tests do not need Electron: `npm test` runs without it.',
  ].join('\n');
}

/** Where @electron/get keeps its zips by default (env-paths' cache folder for "electron"). */
export function defaultElectronCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env['electron_config_cache']) return env['electron_config_cache'];
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (platform === 'win32')
    return join(env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'electron');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function fileOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
