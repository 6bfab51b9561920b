import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { openStore } from '../../../../electron/services/store/store';
import { hearth } from '../../../helpers/hearth-cli';
import { itOnPosix } from '../../../helpers/platform';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
const mode = (path: string) => statSync(path).mode & 0o777;

describe('a data folder only its user can read', () => {
  itOnPosix('creates the folder 0700 and the databases with their -wal and -shm 0600, saying nothing', () => {
    const dataDir = join(tempDir(), 'new', 'hearth');
    const told: string[][] = [];
    const store = openStore({ dataDir, onTightened: (paths) => told.push(paths) });
    try {
      store.hearth.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 0)`).run();
      store.library.prepare(`INSERT INTO collections (name, created_at) VALUES ('c', 0)`).run();
      expect(mode(dataDir)).toBe(0o700);
      for (const name of [
        'hearth.db',
        'hearth.db-wal',
        'hearth.db-shm',
        'library.db',
        'library.db-wal',
        'library.db-shm',
      ]) {
        expect(mode(join(dataDir, name)), name).toBe(0o600);
      }
      expect(told).toEqual([]);
    } finally {
      store.close();
    }
  });

  itOnPosix('tightens a folder and databases others could read, once, and says which', () => {
    const dataDir = tempDir();
    openStore({ dataDir }).close();
    // As Hearth left them before it kept them private.
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'hearth.db'), 0o644);
    chmodSync(join(dataDir, 'library.db'), 0o644);
    const told: string[][] = [];
    const store = openStore({ dataDir, onTightened: (paths) => told.push(paths) });
    store.close();
    expect(told).toEqual([[dataDir, join(dataDir, 'hearth.db'), join(dataDir, 'library.db')]]);
    expect([mode(dataDir), mode(join(dataDir, 'hearth.db')), mode(join(dataDir, 'library.db'))]).toEqual([
      0o700, 0o600, 0o600,
    ]);
    // Private now: the next open has nothing to say.
    openStore({ dataDir, onTightened: (paths) => told.push(paths) }).close();
    expect(told).toHaveLength(1);
  });

  itOnPosix('says so on the command line, on stderr, before the output', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    const run = await hearth(['library', 'status', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Hearth made its data private to your user account: other users could read ${dataDir}.\n`);
    expect(mode(dataDir)).toBe(0o700);

    // Under --json, the notice is JSON too (on stderr: stdout stays the command's own).
    const other = tempDir();
    mkdirSync(other, { recursive: true });
    chmodSync(other, 0o755);
    const json = await hearth(['library', 'status', '--json', '--data-dir', other]);
    expect(JSON.parse(json.stderr)).toMatchObject({ notice: { kind: 'store.private', data: { paths: [other] } } });
    expect(JSON.parse(json.stdout)).toMatchObject({ collections: [] });
  });
});
