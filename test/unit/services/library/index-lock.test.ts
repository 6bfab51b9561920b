import { spawn } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { acquireIndexLock, shareIndexLock, waitForIndexLock } from '../../../../electron/services/library/index-lock';
import { rejectionOf } from '../../../helpers/errors';
import { useTempDir } from '../../../helpers/temp-dir';
import { eventually } from '../../../helpers/eventually';

const tempDir = useTempDir();
/** Process start times and states come from /proc (Linux); elsewhere a live pid holds the lock. */
const hasProc = existsSync('/proc/self/stat');

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

  it('waits for a lock held by another process, telling who holds it once, and takes it when it is free', async () => {
    const lock = join(tempDir(), 'library.db.index-lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      writeFileSync(lock, '');
      shareIndexLock(lock, holder.pid!);
      const told: unknown[] = [];
      const waiting = waitForIndexLock(lock, { pollMs: 10, onWaiting: (who) => told.push(who) });
      await eventually(() => told.length > 0, 30_000, 'it was not told it waits');
      holder.kill('SIGKILL');
      const release = await waiting;
      expect(told).toEqual([{ pid: holder.pid }]);
      expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\n$`));
      release();
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it.skipIf(!hasProc)(
    'is not held by a zombie: an indexer that ended but was never collected by its parent',
    async () => {
      const lock = join(tempDir(), 'library.db.index-lock');
      // The shell starts a short sleep and becomes a long one, which never collects the first:
      // once the short one ends, it stays a zombie.
      const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
      try {
        const zombie = await new Promise<number>((resolve) =>
          parent.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))),
        );
        await eventually(() => stateOf(zombie) === 'Z', 30_000, 'the short sleep did not become a zombie');
        writeFileSync(lock, `${zombie}\n`);
        acquireIndexLock(lock)();
        expect(existsSync(lock)).toBe(false);
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );

  it.skipIf(!hasProc)('is not held by a process that merely has the pid of a crashed holder', async () => {
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

/** Field 3 of /proc/<pid>/stat: R, S, Z… */
function stateOf(pid: number): string | undefined {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
}

/** Field 22 of /proc/<pid>/stat, counted after the command name. */
function startTimeOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}

describe('an empty index lock', () => {
  it('is being written by its owner while new, and is taken over once old (a crash between create and write)', async () => {
    const lock = join(tempDir(), 'library.db.index-lock');
    writeFileSync(lock, '');
    const error = await rejectionOf(Promise.resolve().then(() => acquireIndexLock(lock)));
    expect(error).toMatchObject({ code: 'BUSY' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    acquireIndexLock(lock)();
    expect(existsSync(lock)).toBe(false);
  });
});
