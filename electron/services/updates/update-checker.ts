import { parse } from 'yaml';
import { HearthError } from '../../ipc/errors';
import { mainText } from '../../ipc/main-text';
import type { UpdateCheck } from '../../ipc/schemas/updates';
import { channelFile } from './update-feed';
import { compareVersions } from './versions';

export interface UpdateCheckerOptions {
  /** The folder releases are published in (update-feed.ts); `null` when this build has none. */
  feedUrl: string | null;
  currentVersion: string;
  /** The network, through the network log (every request is listed for the user). */
  fetch: typeof fetch;
  /** The air-gap setting: while on, no check is made at all. */
  airGap(): boolean;
  /** Whose release file to read. Defaults to this process's platform. */
  platform?: NodeJS.Platform;
  /** How long a check may take. Defaults to 15 s. */
  timeoutMs?: number;
}

/** The release file is a few hundred bytes; anything much larger is not one. */
const MAX_BYTES = 64 * 1024;

/**
 * "Check for updates", when the user asks and only then: one GET of the release file that
 * electron-builder publishes beside each release (`latest-linux.yml`: the version, its files and
 * their SHA-512), compared with this version. Installing is electron-updater's, in main, which
 * checks the downloaded file against that SHA-512 and, on Windows and macOS, its code signature.
 */
export class UpdateChecker {
  readonly #options: UpdateCheckerOptions;

  constructor(options: UpdateCheckerOptions) {
    this.#options = options;
  }

  /**
   * Refuses an install before anything is fetched: in air-gap mode, or in a build with no release
   * feed. Whether a newer release exists is the installer's own check (electron-updater reads the
   * same release file), so it is not fetched twice.
   */
  requireInstallable(): void {
    if (!this.#options.feedUrl) throw new HearthError('VALIDATION', mainText('updates.unconfigured'));
    this.#refuseInAirGap();
  }

  #refuseInAirGap(): void {
    if (this.#options.airGap()) throw new HearthError('AIR_GAP', mainText('updates.airGap'));
  }

  async check(): Promise<UpdateCheck> {
    const { feedUrl, currentVersion } = this.#options;
    if (!feedUrl) return { status: 'unconfigured', current: currentVersion, latest: null, releaseDate: null };
    this.#refuseInAirGap();
    const url = `${feedUrl}/${channelFile(this.#options.platform ?? process.platform)}`;
    let response: Response;
    try {
      response = await this.#options.fetch(url, {
        redirect: 'follow',
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 15_000),
      });
    } catch {
      throw new HearthError('DOWNLOAD_FAILED', mainText('updates.unreachable', { host: new URL(url).host }));
    }
    if (!response.ok) {
      throw new HearthError('DOWNLOAD_FAILED', mainText('updates.http', { status: response.status }));
    }
    const text = await response.text();
    const release = text.length <= MAX_BYTES ? readRelease(text) : null;
    if (!release) throw new HearthError('DOWNLOAD_FAILED', mainText('updates.unreadable'));
    return {
      status: compareVersions(release.version, currentVersion) > 0 ? 'available' : 'current',
      current: currentVersion,
      latest: release.version,
      releaseDate: release.releaseDate,
    };
  }
}

/** The version and date a release file names, or `null` when it is not one. */
function readRelease(text: string): { version: string; releaseDate: string | null } | null {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return null;
  }
  const { version, releaseDate } = (data ?? {}) as { version?: unknown; releaseDate?: unknown };
  if (typeof version !== 'string') return null;
  try {
    compareVersions(version, '0.0.0');
  } catch {
    return null;
  }
  const date = typeof releaseDate === 'string' && !Number.isNaN(Date.parse(releaseDate)) ? releaseDate : null;
  return { version, releaseDate: date };
}
