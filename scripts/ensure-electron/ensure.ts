/**
 * What `npm start` runs before electron-vite (through ./index.ts). Electron's npm package no longer
 * downloads its binary at install time; electron-vite does not fetch it either and stops with
 * "Electron uninstall". So: if the binary is missing, fetch it with Electron's own downloader and
 * installer, and when that cannot work, print one message that names the cause and the way out
 * instead of a stack trace.
 */
import { existsSync } from 'node:fs';
import { formatBytes } from '../../electron/ipc/format';
import { downloadElectronZip, electronTarget, runElectronInstaller, type DownloadProgress } from './download';
import { defaultElectronCacheDir, downloadFailureMessage, type DownloadAttempt } from './failure';
import { installedElectronBinary, type ElectronPackage } from './installed';

export interface EnsureElectronOptions {
  /** Abort the download when no byte arrives for this long. Defaults to 60 s. */
  stallTimeoutMs?: number;
  /** Where progress goes. Defaults to stdout. */
  out?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where the failure message goes. Defaults to stderr. */
  err?: NodeJS.WritableStream;
}

/** Makes sure `electron` is installed; returns the exit code for `npm start` (0 ready, 1 not). */
export async function ensureElectron(electron: ElectronPackage, options: EnsureElectronOptions = {}): Promise<number> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const execPath = process.env['ELECTRON_EXEC_PATH'];
  if (execPath && !existsSync(execPath)) {
    err.write(`Hearth cannot start: ELECTRON_EXEC_PATH names ${execPath}, which does not exist.\n`);
    return 1;
  }
  if (installedElectronBinary(electron)) return 0;

  const { platform, arch } = electronTarget();
  const attempt: DownloadAttempt = {
    version: electron.version,
    target: `${platform}-${arch}`,
    url: 'https://github.com/electron/electron/releases',
    cacheDir: defaultElectronCacheDir(),
  };
  out.write(`Electron ${electron.version} is not installed yet; downloading it once (${attempt.target}).\n`);
  try {
    await downloadElectronZip(electron, {
      onUrl: (url) => (attempt.url = url),
      onProgress: progressPrinter(out),
      stallTimeoutMs: options.stallTimeoutMs,
    });
  } catch (error) {
    err.write(`\n${downloadFailureMessage(attempt, error)}\n`);
    return 1;
  }
  if (runElectronInstaller(electron) !== 0 || !installedElectronBinary(electron)) {
    err.write(
      `\nHearth cannot start: Electron ${electron.version} was downloaded but could not be unpacked into ` +
        `${electron.dir}. Delete that folder's dist/ and path.txt, check free disk space, and run \`npm start\` again.\n`,
    );
    return 1;
  }
  out.write(`Electron ${electron.version} is installed.\n`);
  return 0;
}

/** One updating line on a terminal; a line per 10 % otherwise (CI logs, pipes). */
function progressPrinter(out: NodeJS.WritableStream & { isTTY?: boolean }): (progress: DownloadProgress) => void {
  const tty = out.isTTY;
  let lastStep = -1;
  return ({ transferred, total }) => {
    const percent = total ? Math.floor((transferred / total) * 100) : null;
    const text = `  ${formatBytes(transferred)}${total ? ` of ${formatBytes(total)} (${percent} %)` : ''}`;
    if (tty) {
      out.write(`\r${text}${percent === 100 ? '\n' : ''}`);
    } else if (percent !== null && Math.floor(percent / 10) > lastStep) {
      lastStep = Math.floor(percent / 10);
      out.write(`${text}\n`);
    }
  };
}
