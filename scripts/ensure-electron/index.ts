/**
 * `npm start` and `npm run dev` run this before electron-vite. Electron's npm package no longer
 * downloads its binary at install time; electron-vite does not fetch it either and stops with
 * "Electron uninstall". So: if the binary is missing, fetch it with Electron's own downloader and
 * installer, and when that cannot work, print one message that names the cause and the way out
 * instead of a stack trace. Exits 0 when Electron is ready, 1 otherwise.
 *
 * HEARTH_ELECTRON_STALL_MS sets how long the download may go without a byte before it is stopped
 * (default 60 s): for very slow links, and for the tests.
 */
import { existsSync } from 'node:fs';
import { formatBytes } from '../../electron/ipc/format';
import { downloadElectronZip, electronTarget, runElectronInstaller, type DownloadProgress } from './download';
import { defaultElectronCacheDir, downloadFailureMessage, type DownloadAttempt } from './failure';
import { electronPackage, installedElectronBinary } from './installed';

async function main(): Promise<number> {
  const execPath = process.env['ELECTRON_EXEC_PATH'];
  if (execPath && !existsSync(execPath)) {
    process.stderr.write(`Hearth cannot start: ELECTRON_EXEC_PATH names ${execPath}, which does not exist.\n`);
    return 1;
  }
  const electron = electronPackage();
  if (installedElectronBinary(electron)) return 0;

  const { platform, arch } = electronTarget();
  const attempt: DownloadAttempt = {
    version: electron.version,
    target: `${platform}-${arch}`,
    url: 'https://github.com/electron/electron/releases',
    cacheDir: defaultElectronCacheDir(),
  };
  process.stdout.write(`Electron ${electron.version} is not installed yet; downloading it once (${attempt.target}).\n`);
  try {
    await downloadElectronZip(electron, {
      onUrl: (url) => (attempt.url = url),
      onProgress: progressPrinter(),
      stallTimeoutMs: Number(process.env['HEARTH_ELECTRON_STALL_MS']) || undefined,
    });
  } catch (error) {
    process.stderr.write(`\n${downloadFailureMessage(attempt, error)}\n`);
    return 1;
  }
  if (runElectronInstaller(electron) !== 0 || !installedElectronBinary(electron)) {
    process.stderr.write(
      `\nHearth cannot start: Electron ${electron.version} was downloaded but could not be unpacked into ` +
        `${electron.dir}. Delete that folder's dist/ and path.txt, check free disk space, and run \`npm start\` again.\n`,
    );
    return 1;
  }
  process.stdout.write(`Electron ${electron.version} is installed.\n`);
  return 0;
}

/** One updating line on a terminal; a line per 10 % otherwise (CI logs, pipes). */
function progressPrinter(): (progress: DownloadProgress) => void {
  const tty = process.stdout.isTTY;
  let lastStep = -1;
  return ({ transferred, total }) => {
    const percent = total ? Math.floor((transferred / total) * 100) : null;
    const text = `  ${formatBytes(transferred)}${total ? ` of ${formatBytes(total)} (${percent} %)` : ''}`;
    if (tty) {
      process.stdout.write(`\r${text}${percent === 100 ? '\n' : ''}`);
    } else if (percent !== null && Math.floor(percent / 10) > lastStep) {
      lastStep = Math.floor(percent / 10);
      process.stdout.write(`${text}\n`);
    }
  };
}

process.exitCode = await main();
