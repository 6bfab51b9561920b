import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Starts `test/helpers/index-child.ts` (a whole Hearth that indexes `folder` into `dataDir`, then
 * exits) as a process of its own: from the suite's prebuilt bundle when there is one
 * (test/setup/entries.ts), else through tsx. Resolves `done` when it finished, `killed` when it
 * died by SIGKILL (a crash point it was armed with, or the test's own kill).
 */
export function runIndexChild(
  dataDir: string,
  folder: string,
  options: { crashAt?: string; onSpawn?: (pid: number) => void } = {},
): Promise<'done' | 'killed'> {
  const bundle = process.env['HEARTH_ENTRY_DIR'] && join(process.env['HEARTH_ENTRY_DIR'], 'index-child.js');
  const args =
    bundle && existsSync(bundle)
      ? [bundle, dataDir, folder]
      : ['--import', 'tsx', resolve(import.meta.dirname, 'index-child.ts'), dataDir, folder];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, HEARTH_CRASH_AT: options.crashAt ?? '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done('killed');
      else if (code === 0 && output.includes('done')) done('done');
      else fail(new Error(`the indexing run exited with ${code ?? signal}`));
    });
  });
}
