import type { Database } from 'better-sqlite3';
import { HearthError } from '../../ipc/errors';
import { mainText } from '../../ipc/main-text';

/** One schema step. `version` is the `PRAGMA user_version` the database has after `up`. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Brings `db` from its `user_version` up to the newest migration, each step in its own
 * transaction so a crash mid-way leaves the database at the last completed version.
 *
 * @param target Stop after this version (tests migrate to N, insert, then go on). Defaults to the
 *   newest migration.
 * @returns the version the database is at afterwards.
 */
export function migrate(db: Database, migrations: readonly Migration[], target?: number): number {
  assertOrdered(migrations);
  const current = assertNotNewer(db, migrations);
  const newest = migrations.at(-1)?.version ?? 0;
  const stop = target ?? newest;
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > stop) continue;
    db.transaction(() => {
      migration.up(db);
      // user_version cannot be bound as a parameter; the value is an integer we control.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Throws `DB_TOO_NEW` when the database was written by a newer Hearth: migrating it down is not
 * possible and writing to it could lose data, so it must stay as it is.
 *
 * @returns the database's current version.
 */
export function assertNotNewer(db: Database, migrations: readonly Migration[]): number {
  const newest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > newest) {
    throw new HearthError('DB_TOO_NEW', mainText('store.tooNew', { name: db.name, current, newest }), {
      file: db.name,
      version: current,
      known: newest,
    });
  }
  return current;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}.`);
    }
  });
}
