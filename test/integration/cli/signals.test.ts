import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { itOnPosix } from '../../helpers/platform';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

/** The real binary, waiting for an index lock another live process holds: it would wait forever. */
async function waitingIndexer(): Promise<{
  kill(signal: NodeJS.Signals): void;
  ended: Promise<{ code: number | null; signal: string | null; ms: number }>;
}> {
  const dataDir = tempDir();
  const folder = tempDir();
  writeFileSync(join(folder, 'note.md'), '# Note\n\nA line.\n');
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120_000)']);
  // The lock, held by the other process (alive), before the command starts.
  writeFileSync(join(dataDir, 'library.db.index-lock'), `${holder.pid}\n`);
  const child = spawn(process.execPath, ['bin/hearth.mjs', 'index', folder, '--wait', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  await new Promise<void>((ready) => {
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      if (stderr.includes('Waiting')) ready();
    });
  });
  let sentAt = 0;
  const ended = new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) =>
    child.on('exit', (code, signal) => {
      holder.kill('SIGKILL');
      resolve({ code, signal, ms: Date.now() - sentAt });
    }),
  );
  return {
    kill: (signal) => {
      sentAt = Date.now();
      child.kill(signal);
    },
    ended,
  };
}

describe('the CLI and signals', () => {
  itOnPosix('ends on Ctrl-C (SIGINT) even while it waits for another process', async () => {
    const run = await waitingIndexer();
    run.kill('SIGINT');
    const ended = await run.ended;
    expect(ended.signal).toBeNull();
    expect([1, 130]).toContain(ended.code);
    // Not a timing assertion: the hang this guards against lasted minutes.
    expect(ended.ms).toBeLessThan(30_000);
  });

  itOnPosix('ends on SIGTERM while it waits for another process', async () => {
    const run = await waitingIndexer();
    run.kill('SIGTERM');
    const ended = await run.ended;
    expect(ended.ms).toBeLessThan(30_000);
  });
});
