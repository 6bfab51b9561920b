import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../../electron/services/store/migration';
import { hearthMigrations } from '../../../../../../electron/services/store/migrations/hearth';

function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, hearthMigrations, 1);
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"dark\"', 1)").run();
  expect(migrate(db, hearthMigrations, 2)).toBe(2);
  return db;
}

describe('hearth 0002-models', () => {
  it('keeps earlier data and adds models with a storage kind and unique path', () => {
    const db = migrated();
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('"dark"');
    const insert = db.prepare('INSERT INTO models (id, path, storage, metadata, added_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('a', '/m/a.gguf', 'copy', '{}', 1);
    expect(() => insert.run('b', '/m/a.gguf', 'copy', '{}', 1)).toThrow(/UNIQUE/);
    expect(() => insert.run('c', '/m/c.gguf', 'borrowed', '{}', 1)).toThrow(/CHECK/);
    expect(db.prepare("SELECT settings FROM models WHERE id = 'a'").pluck().get()).toBe('{}');
  });

  it('deletes a model’s benchmarks with it and finds them by model through the index', () => {
    const db = migrated();
    db.prepare("INSERT INTO models (id, path, storage, metadata, added_at) VALUES ('a', '/a', 'copy', '{}', 1)").run();
    db.prepare("INSERT INTO model_benchmarks (model_id, ran_at, hardware, results) VALUES ('a', 1, '{}', '[]')").run();
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM model_benchmarks WHERE model_id = 'a' ORDER BY ran_at DESC")
      .all() as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toContain('model_benchmarks_by_model');
    db.prepare("DELETE FROM models WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) FROM model_benchmarks').pluck().get()).toBe(0);
  });
});
