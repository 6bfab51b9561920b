/**
 * `npm start` and `npm run dev` run this before electron-vite: exits 0 when Electron is ready, 1
 * (with a message naming the cause and the way out) when it is missing and cannot be fetched.
 *
 * HEARTH_ELECTRON_STALL_MS sets how long the download may go without a byte before it is stopped
 * (default 60 s): for very slow links, and for the tests.
 */
import { ensureElectron } from './ensure';
import { electronPackage } from './installed';

process.exitCode = await ensureElectron(electronPackage(), {
  stallTimeoutMs: Number(process.env['HEARTH_ELECTRON_STALL_MS']) || undefined,
});
