import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { walk, type WalkResult } from '../../electron/services/library/walk';

/** The `nobody` user and group on Linux. */
const NOBODY = 65534;

/**
 * Walks `dir` as an ordinary user: in this process, or, when the tests run as root (CI), in a
 * child process as `nobody`, since root may read any folder whatever its permissions. That child
 * must not need anything root keeps private (a repository or Node under /root): it runs a bundle
 * of the walker with a copy of this Node, both in a folder everyone may read.
 */
export async function walkAsUser(dir: string): Promise<WalkResult> {
  if (process.getuid?.() !== 0) return walk(dir);
  const sandbox = mkdtempSync(join(tmpdir(), 'hearth-walk-as-user-'));
  try {
    chmodSync(sandbox, 0o755);
    chmodSync(dir, 0o755);
    const script = join(sandbox, 'walk-child.cjs');
    await build({
      entryPoints: [resolve(import.meta.dirname, 'walk-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      outfile: script,
      logLevel: 'silent',
      // ES modules in the bundle (fdir) read import.meta.url, which a CommonJS bundle lacks.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    const node = join(sandbox, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
    chmodSync(script, 0o644);
    const output = await new Promise<string>((done, fail) => {
      const child = spawn(node, [script, dir], {
        uid: NOBODY,
        gid: NOBODY,
        cwd: sandbox,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (data: Buffer) => (out += data.toString()));
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`walk exited with ${code}`))));
    });
    return JSON.parse(output) as WalkResult;
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}
