import { spawn } from 'node:child_process';

/** Runs the real `hearth` binary (bin/hearth.mjs) and collects its output and exit code. */
export function hearth(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/hearth.mjs', ...args], {
      // One llama.cpp thread: its threads spin-wait, and the test machines have two cores.
      env: { ...process.env, HEARTH_DATA_DIR: '', HEARTH_MAX_THREADS: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}
