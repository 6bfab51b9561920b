import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { build } from 'electron-vite';
import { describe, expect, it } from 'vitest';
import { installedElectronBinary } from './electron-binary';

const binary = installedElectronBinary();
const reason =
  'the Electron binary is not installed (node_modules/electron/dist is missing; it cannot be downloaded on this machine)';
if (!binary)
  console.warn(
    `[electron smoke test] SKIPPED: ${reason}. Run it on a machine where \`npm install\` can fetch Electron.`,
  );

describe('the packaged-shape app in real Electron', () => {
  it.skipIf(!binary)(
    binary ? 'starts, shows the shell, and keeps Node out of the renderer' : `skipped: ${reason}`,
    async () => {
      const root = resolve(import.meta.dirname, '../..');
      await build({ root, logLevel: 'warn' });
      const dataDir = mkdtempSync(join(tmpdir(), 'hearth-electron-'));
      const app = await electron.launch({
        executablePath: binary!,
        args: [join(root, 'out/main/index.js')],
        env: { ...process.env, HEARTH_DATA_DIR: dataDir },
      });
      try {
        const page = await app.firstWindow();
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        expect(await page.title()).toBe('Hearth');
        const probe = await page.evaluate(async () => ({
          node: typeof (globalThis as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
          info: await window.hearth!.invoke('app.info'),
        }));
        expect(probe.node).toBe('undefined');
        expect(probe.process).toBe('undefined');
        expect(probe.info).toMatchObject({ ok: true, value: { dataDir } });
        const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL());
        expect(url.startsWith('app://hearth/')).toBe(true);
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
