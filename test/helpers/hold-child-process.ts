import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface HoldChild {
  process: ChildProcess;
  /** Resolves with its first line (`ready`, `acquired` or `busy`). */
  said: Promise<string>;
  /** Lets it go: it releases what it holds and exits. */
  release(): Promise<void>;
}

/**
 * Starts `test/helpers/hold-child.ts` as a process of its own: from the suite's prebuilt bundle
 * when there is one (test/setup/entries.ts), else through tsx.
 */
export function startHoldChild(args: string[]): HoldChild {
  const bundle = process.env['HEARTH_ENTRY_DIR'] && join(process.env['HEARTH_ENTRY_DIR'], 'hold-child.js');
  const entry =
    bundle && existsSync(bundle) ? [bundle] : ['--import', 'tsx', resolve(import.meta.dirname, 'hold-child.ts')];
  const child = spawn(process.execPath, [...entry, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const said = new Promise<string>((done, fail) => {
    let output = '';
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('\n')) done(output.split('\n')[0]!);
    });
    child.on('exit', (code, signal) => fail(new Error(`the child ended (${code ?? signal}) before saying anything`)));
  });
  return {
    process: child,
    said,
    release: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}
