import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ElectronPackage } from './installed';

/** The part of @electron/get (Electron's own downloader) this script uses. */
interface ElectronGet {
  downloadArtifact(details: Record<string, unknown>): Promise<string>;
  FetchDownloader: new () => {
    download(url: string, target: string, options: Record<string, unknown>): Promise<void>;
  };
}

export interface DownloadProgress {
  transferred: number;
  total: number | null;
}

export interface FetchElectronOptions {
  /** Called as bytes arrive. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Called with the URL once @electron/get has applied ELECTRON_MIRROR and friends. */
  onUrl?: (url: string) => void;
  /** Abort when no byte arrives for this long. Defaults to 60 s. */
  stallTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** The platform and architecture Electron's installer will ask for (same variables as `install.js`). */
export function electronTarget(env: NodeJS.ProcessEnv = process.env): { platform: string; arch: string } {
  return {
    platform: env['ELECTRON_INSTALL_PLATFORM'] || env['npm_config_platform'] || process.platform,
    arch: env['ELECTRON_INSTALL_ARCH'] || env['npm_config_arch'] || process.arch,
  };
}

/**
 * Downloads the Electron zip into @electron/get's cache with the same details Electron's installer
 * uses (version, target, checksums from the package, `electron_config_cache`), so the installer run
 * afterwards finds it there. Doing the download here rather than inside the installer gives real
 * errors (the installer prints only "fetch failed"), a stall timeout instead of a hang, and progress.
 */
export async function downloadElectronZip(
  electron: ElectronPackage,
  options: FetchElectronOptions = {},
): Promise<string> {
  const env = options.env ?? process.env;
  const requireFromElectron = createRequire(join(electron.dir, 'package.json'));
  const get = (await import(pathToFileURL(requireFromElectron.resolve('@electron/get')).href)) as ElectronGet;
  const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
  const fetcher = new get.FetchDownloader();
  const downloader = {
    async download(url: string, target: string): Promise<void> {
      options.onUrl?.(url);
      const abort = new AbortController();
      let stall = setTimeout(() => abort.abort(), stallTimeoutMs);
      try {
        await fetcher.download(url, target, {
          quiet: true,
          signal: abort.signal,
          getProgressCallback: ({ transferred, total }: DownloadProgress) => {
            clearTimeout(stall);
            stall = setTimeout(() => abort.abort(), stallTimeoutMs);
            options.onProgress?.({ transferred, total });
          },
        });
      } finally {
        clearTimeout(stall);
      }
    },
  };
  return get.downloadArtifact({
    version: electron.version,
    artifactName: 'electron',
    ...electronTarget(env),
    cacheRoot: env['electron_config_cache'],
    checksums: JSON.parse(readFileSync(join(electron.dir, 'checksums.json'), 'utf8')) as Record<string, string>,
    downloader,
  });
}

/**
 * Runs Electron's own installer, which finds the zip in the cache, unpacks it into
 * `node_modules/electron/dist` and writes `path.txt`. Returns its exit code.
 */
export function runElectronInstaller(electron: ElectronPackage): number {
  const result = spawnSync(process.execPath, [join(electron.dir, 'install.js')], { stdio: 'inherit' });
  return result.status ?? 1;
}
