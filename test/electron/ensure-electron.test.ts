import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronTarget } from '../../scripts/ensure-electron/download';
import { ensureElectron } from '../../scripts/ensure-electron/ensure';
import {
  electronPackage,
  installedElectronBinary,
  type ElectronPackage,
} from '../../scripts/ensure-electron/installed';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { useTempDir } from '../helpers/temp-dir';
import { storedZip } from '../helpers/zip';

/**
 * The path a user with internet takes: Electron is missing, the start chain downloads it with
 * Electron's own downloader (from a loopback mirror here), checks it against the package's
 * checksums, and Electron's own installer unpacks it. The "release" is a small zip made by the test,
 * installed into a stand-in `electron` package that carries the real `install.js`.
 */
const root = resolve(import.meta.dirname, '../..');
const tempDir = useTempDir('hearth-ensure-');
const version = electronPackage().version;
const { platform, arch } = electronTarget();
const zipName = `electron-v${version}-${platform}-${arch}.zip`;
const executable =
  platform === 'win32' ? 'electron.exe' : platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
let server: ModelServer;

beforeEach(async () => {
  server = await startModelServer();
  vi.stubEnv('ELECTRON_MIRROR', `${server.origin}/`);
  vi.stubEnv('electron_config_cache', tempDir());
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', undefined);
  vi.stubEnv('ELECTRON_EXEC_PATH', undefined);
  vi.stubEnv('ELECTRON_GET_NO_PROGRESS', '1');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

/** A copy of the `electron` package whose checksums.json pins `zip`, resolving deps from ours. */
function standInElectron(zip: Buffer): ElectronPackage {
  const dir = tempDir();
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }));
  copyFileSync(join(root, 'node_modules/electron/install.js'), join(dir, 'install.js'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction');
  const sha256 = createHash('sha256').update(zip).digest('hex');
  writeFileSync(join(dir, 'checksums.json'), JSON.stringify({ [zipName]: sha256 }));
  return { dir, version };
}

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('ensureElectron with a reachable mirror', () => {
  it('downloads, verifies and unpacks Electron, then starts offline the next time', async () => {
    const zip = storedZip([
      { name: executable, content: '#!/bin/sh\necho electron\n', mode: 0o755 },
      { name: 'version', content: `v${version}` },
    ]);
    const electron = standInElectron(zip);
    server.serve(`/v${version}/${zipName}`, zip);
    const out = sink();

    expect(installedElectronBinary(electron)).toBeNull();
    expect(await ensureElectron(electron, { out: out.stream })).toBe(0);

    const binary = installedElectronBinary(electron);
    expect(binary).toBe(join(electron.dir, 'dist', executable));
    expect(readFileSync(join(electron.dir, 'path.txt'), 'utf8')).toBe(executable);
    if (platform !== 'win32') expect(statSync(binary!).mode & 0o111).not.toBe(0);
    expect(out.text()).toContain(`Electron ${version} is installed.`);
    expect(server.requests).toHaveLength(1);

    expect(await ensureElectron(electron, { out: out.stream })).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a zip that does not match the pinned checksum and installs nothing', async () => {
    const pinned = storedZip([{ name: 'version', content: `v${version}` }]);
    const electron = standInElectron(pinned);
    server.serve(`/v${version}/${zipName}`, storedZip([{ name: 'version', content: 'tampered' }]));
    const err = sink();

    expect(await ensureElectron(electron, { out: sink().stream, err: err.stream })).toBe(1);
    expect(err.text()).toContain("did not match Electron's published SHA-256");
    expect(installedElectronBinary(electron)).toBeNull();
  });
});
