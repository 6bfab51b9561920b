import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronPackage } from '../../scripts/ensure-electron/installed';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { useTempDir } from '../helpers/temp-dir';

/**
 * `npm start` on a machine that cannot fetch Electron: the start chain must stop with one message
 * naming the cause and the way out, never electron-vite's "Electron uninstall" or a stack trace.
 * Every case points Electron's downloader somewhere that fails on any machine (a `.invalid` host,
 * loopback servers), and ELECTRON_OVERRIDE_DIST_PATH at an empty folder, so the test behaves the
 * same where Electron is installed and never downloads anything.
 */
const root = resolve(import.meta.dirname, '../..');
const tempDir = useTempDir('hearth-start-');
const { version } = electronPackage();
const zipPath = `/v${version}/electron-v${version}-${process.platform}-${process.arch}.zip`;
let server: ModelServer | undefined;
let silent: Server | undefined;

afterEach(async () => {
  await server?.close();
  silent?.closeAllConnections();
  silent?.close();
  server = silent = undefined;
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], mirror: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['ELECTRON_EXEC_PATH'];
  Object.assign(env, {
    ELECTRON_MIRROR: mirror,
    ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
    electron_config_cache: tempDir(),
    ...extraEnv,
  });
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const ensureElectron = (mirror: string, env?: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/ensure-electron/index.ts'], mirror, env);

function expectCleanFailure(result: Run): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`Hearth cannot start: Electron ${version}`);
  expect(result.stderr).toContain('What to do:');
  expect(result.stderr).toContain('ELECTRON_MIRROR');
  expect(result.stderr).not.toContain('Electron uninstall');
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('npm start without an Electron binary', () => {
  it('offline: stops with the clear message, and never reaches electron-vite', async () => {
    const result = await run('npm', ['start'], 'https://hearth-offline.invalid/');
    expectCleanFailure(result);
    expect(result.stderr).toContain('hearth-offline.invalid could not be found (DNS lookup failed');
    // electron-vite would build first ("built in …") and then fail with "Electron uninstall".
    expect(result.stdout + result.stderr).not.toMatch(/built in|Electron uninstall/);
  });

  it('a mirror without the file: names the 404 and the file', async () => {
    server = await startModelServer();
    const result = await ensureElectron(`${server.origin}/`);
    expectCleanFailure(result);
    expect(result.stderr).toContain(`answered 404: it has no Electron electron-v${version}`);
  });

  it('a server that serves the wrong bytes: refused by the published SHA-256', async () => {
    server = await startModelServer();
    server.serve(zipPath, Buffer.from('PK\u0003\u0004 not really electron'));
    const result = await ensureElectron(`${server.origin}/`);
    expectCleanFailure(result);
    expect(result.stderr).toContain("did not match Electron's published SHA-256");
    expect(server.requests.map((request) => request.path)).toContain(zipPath);
  });

  it('a server that never answers: the stall timeout ends it', async () => {
    silent = createServer(() => {
      /* accept and never answer */
    });
    await new Promise<void>((listening) => silent!.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as AddressInfo;
    const result = await ensureElectron(`http://127.0.0.1:${port}/`, { HEARTH_ELECTRON_STALL_MS: '500' });
    expectCleanFailure(result);
    expect(result.stderr).toContain('stalled');
  });

  it('ELECTRON_EXEC_PATH naming a missing file is said plainly', async () => {
    const result = await ensureElectron('https://hearth-offline.invalid/', {
      ELECTRON_EXEC_PATH: '/nonexistent/electron',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ELECTRON_EXEC_PATH names /nonexistent/electron, which does not exist');
  });
});
