import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { acquireIndexLock, shareIndexLock } from '../../../../electron/services/library/index-lock';
import { rejectionOf } from '../../../helpers/errors';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

/** A process that is certainly gone: one that ran and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the index lock', () => {
  it('is held while any process it names lives: the owner, or an indexing process that outlived it', async () => {
    const lock = join(tempDir(), 'library.db.index-lock');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      // The owner died (kill -9), and the indexing process it started is still finishing.
      writeFileSync(lock, `${await deadPid()}\n`);
      shareIndexLock(lock, sleeper.pid!);
      const error = await rejectionOf(Promise.resolve().then(() => acquireIndexLock(lock)));
      expect(error).toBeInstanceOf(HearthError);
      expect(error).toMatchObject({ code: 'BUSY', details: { pid: sleeper.pid } });
    } finally {
      sleeper.kill('SIGKILL');
      await new Promise((resolve) => sleeper.on('exit', resolve));
    }
    const sleeperPidGone = sleeper.pid!;
    // Once every process it names is gone, the lock is taken over, and released whole.
    const release = acquireIndexLock(lock);
    expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\n$`));
    shareIndexLock(lock, sleeperPidGone);
    expect(readFileSync(lock, 'utf8').split('\n')).toHaveLength(3);
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('is not held by a process that merely has the pid of a crashed holder', async () => {
    const lock = join(tempDir(), 'library.db.index-lock');
    const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      // The line as the holder wrote it, then the pid came back for a process started later.
      const [pid, started] = [stranger.pid!, startTimeOf(stranger.pid!)];
      writeFileSync(lock, `${pid} ${Number(started) - 1}\n`);
      acquireIndexLock(lock)();
      // The same pid with its own start time does hold it.
      writeFileSync(lock, `${pid} ${started}\n`);
      const error = await rejectionOf(Promise.resolve().then(() => acquireIndexLock(lock)));
      expect(error).toMatchObject({ code: 'BUSY', details: { pid } });
    } finally {
      stranger.kill('SIGKILL');
      await new Promise((resolve) => stranger.on('exit', resolve));
    }
  });
});

/** Field 22 of /proc/<pid>/stat, counted after the command name. */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}
