import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { needsCheckMarker, openDatabase, type Recovery } from '../../../../electron/services/store/db';
import { inUseMarker } from '../../../../electron/services/store/in-use';
import { checkIntegrityInBackground, stopIntegrityChecker } from '../../../../electron/services/store/integrity';
import type { Migration } from '../../../../electron/services/store/migration';
import { leaveCrashMarker, writeGarbage } from '../../../helpers/corrupt';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
afterAll(() => stopIntegrityChecker());

const notes: Migration = {
  version: 1,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'),
};

function open(path: string, onRecovered?: (recovery: Recovery) => void) {
  return openDatabase({
    path,
    synchronous: 'FULL',
    migrations: [notes],
    onRecovered,
    now: () => new Date('2026-11-29T10:20:30.456Z'),
  });
}

/** The in-use markers beside a database. */
function markersOf(path: string): string[] {
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(`${basename(path)}.in-use`))
    .map((name) => join(dirname(path), name));
}

/** A real database with enough rows to span several pages, closed cleanly (WAL checkpointed). */
function seed(path: string): void {
  const db = open(path);
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`note ${i} `.repeat(8));
  })();
  db.close();
}

describe('openDatabase', () => {
  it('opens in WAL mode with the requested durability, foreign keys and sqlite-vec', () => {
    const db = open(join(tempDir(), 'nested', 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const { v } = db.prepare('SELECT vec_version() AS v').get() as { v: string };
    expect(v).toMatch(/^v0\.1\./);
    db.exec('CREATE VIRTUAL TABLE vecs USING vec0(embedding float[3])');
    db.prepare('INSERT INTO vecs (rowid, embedding) VALUES (?, ?)').run(1n, new Float32Array([1, 0, 0]));
    db.prepare('INSERT INTO vecs (rowid, embedding) VALUES (?, ?)').run(2n, new Float32Array([0, 1, 0]));
    const nearest = db
      .prepare('SELECT rowid FROM vecs WHERE embedding MATCH ? AND k = 1')
      .get(new Float32Array([0.1, 0.9, 0])) as { rowid: number };
    expect(nearest.rowid).toBe(2);
    db.close();
  });

  it('uses NORMAL durability for rebuildable data', () => {
    const db = openDatabase({ path: join(tempDir(), 'lib.db'), synchronous: 'NORMAL', migrations: [] });
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps data across reopen', () => {
    const path = join(tempDir(), 'a.db');
    seed(path);
    const db = open(path);
    expect((db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(2000);
    db.close();
  });

  it('moves a file with a garbage header aside, keeps its bytes, and starts fresh', () => {
    const dir = tempDir();
    const path = join(dir, 'hearth.db');
    seed(path);
    writeGarbage(path, 0, 100);
    const damaged = readFileSync(path);
    const onRecovered = vi.fn();

    const db = open(path, onRecovered);

    expect(onRecovered).toHaveBeenCalledTimes(1);
    const recovery = onRecovered.mock.calls[0]![0] as Recovery;
    expect(recovery.movedTo).toBe(join(dir, 'hearth.db.corrupt-20261129T102030Z'));
    expect(recovery.reason).toMatch(/not a database/i);
    expect(readFileSync(recovery.movedTo).equals(damaged)).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('opens without a full check after a clean shutdown: start-up does not grow with the file', () => {
    const dir = tempDir();
    const path = join(dir, 'hearth.db');
    seed(path);
    expect(markersOf(path)).toEqual([]);
    // Damage rows, not the schema: only the full check (linear in the file) can see it.
    writeGarbage(path, 4096 * 3, 4096 * 4);
    const onRecovered = vi.fn();
    const db = open(path, onRecovered);
    expect(onRecovered).not.toHaveBeenCalled();
    expect(markersOf(path)).toEqual([inUseMarker(path, process.pid, Number(markersOf(path)[0]?.split('.').at(-1)))]);
    db.close();
    expect(markersOf(path)).toEqual([]);
  });

  it('after an unclean shutdown, checks in full at open and moves a damaged file aside', () => {
    const dir = tempDir();
    const path = join(dir, 'hearth.db');
    seed(path);
    writeGarbage(path, 4096 * 3, 4096 * 4);
    // A crash leaves the in-use marker behind.
    leaveCrashMarker(path);
    const onRecovered = vi.fn();

    const db = open(path, onRecovered);

    expect(onRecovered).toHaveBeenCalledTimes(1);
    expect((onRecovered.mock.calls[0]![0] as Recovery).reason).toMatch(/integrity check failed|malformed/);
    expect(existsSync((onRecovered.mock.calls[0]![0] as Recovery).movedTo)).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('the background check finds damage off the main thread, and the next open recovers the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'hearth.db');
    seed(path);
    const healthy = join(dir, 'library.db');
    seed(healthy);
    writeGarbage(path, 4096 * 3, 4096 * 4);

    const found = await checkIntegrityInBackground([path, healthy]);
    expect([...found.keys()]).toEqual([path]);
    expect(existsSync(needsCheckMarker(path))).toBe(true);
    expect(existsSync(needsCheckMarker(healthy))).toBe(false);

    const onRecovered = vi.fn();
    open(path, onRecovered).close();
    expect(onRecovered).toHaveBeenCalledTimes(1);
    expect(existsSync(needsCheckMarker(path))).toBe(false);
    open(healthy, onRecovered).close();
    expect(onRecovered).toHaveBeenCalledTimes(1);
  });

  it('moves the WAL and shared-memory files along with the database', () => {
    const dir = tempDir();
    const path = join(dir, 'hearth.db');
    writeFileSync(path, Buffer.alloc(8192, 7));
    writeFileSync(`${path}-wal`, 'wal bytes');
    const onRecovered = vi.fn();

    open(path, onRecovered).close();

    const { movedTo } = onRecovered.mock.calls[0]![0] as Recovery;
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('wal bytes');
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toHaveLength(2);
  });

  it('never overwrites an earlier moved-aside file with the same timestamp', () => {
    const dir = tempDir();
    const path = join(dir, 'hearth.db');
    const moved: string[] = [];
    for (let i = 0; i < 2; i++) {
      open(path).close();
      writeGarbage(path, 0, 100);
      open(path, (recovery) => moved.push(recovery.movedTo)).close();
    }
    expect(moved).toEqual([
      join(dir, 'hearth.db.corrupt-20261129T102030Z'),
      join(dir, 'hearth.db.corrupt-20261129T102030Z-2'),
    ]);
  });

  it('refuses a database from a newer Hearth and leaves it untouched', () => {
    const path = join(tempDir(), 'hearth.db');
    const future = new Database(path);
    future.pragma('user_version = 99');
    future.close();
    const before = readFileSync(path);

    const thrown = thrownBy(() => open(path));
    expect(thrown).toBeInstanceOf(HearthError);
    expect(thrown).toMatchObject({ code: 'DB_TOO_NEW' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rethrows errors that are not corruption (a folder where the file should be)', () => {
    const dir = tempDir();
    const path = join(dir, 'hearth.db');
    writeFileSync(join(dir, 'placeholder'), '');
    const onRecovered = vi.fn();
    const thrown = thrownBy(() => openDatabase({ path: dir, synchronous: 'FULL', migrations: [], onRecovered }));
    expect(thrown).not.toBeInstanceOf(HearthError);
    expect(thrown).toBeInstanceOf(Error);
    expect(onRecovered).not.toHaveBeenCalled();
    // Nothing was moved aside or created: the folder holds what it held.
    expect(readdirSync(dir)).toEqual(['placeholder']);
    expect(existsSync(path)).toBe(false);
  });
});

/** What `run` throws (the test fails if it throws nothing). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}
