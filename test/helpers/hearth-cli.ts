import { spawn } from 'node:child_process';
import { runCli } from '../../electron/cli';
import type { CliIo } from '../../electron/cli/cli-io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment every test run of the CLI gets: no data folder from the user's shell, one llama.cpp thread. */
function cliEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // One llama.cpp thread: its threads spin-wait, and the test machines have two cores.
  return { ...process.env, HEARTH_DATA_DIR: '', HEARTH_MAX_THREADS: '1', ...env };
}

/**
 * Runs a `hearth` command line in this process, through the same entry function as the binary
 * (`runCli`), and collects what it printed and its exit code. While it runs, `output()` is what it
 * printed so far, and `interrupt()` plays Ctrl-C (for `hearth serve`, which runs until then).
 */
export function hearth(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> & { interrupt(): void; output(): Omit<CliRun, 'code'> } {
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: cliEnv(env),
    onInterrupt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const run = runCli(args, { io }).then((code) => ({ code, stdout, stderr }));
  return Object.assign(run, {
    output: () => ({ stdout, stderr }),
    interrupt: () => [...listeners].forEach((listener) => (listeners.delete(listener), listener())),
  });
}

/**
 * Runs the real `hearth` binary (bin/hearth.mjs: the bundle `npm install` built, or the TypeScript
 * through tsx when the sources are newer) in a process of its own: one smoke test per command group
 * proves the binary itself works.
 */
export function hearthBinary(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/hearth.mjs', ...args], {
      env: cliEnv(env),
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
