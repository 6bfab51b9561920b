import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../../../electron/services/store/migration';

const steps: Migration[] = [
  { version: 1, name: 'a', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') },
  { version: 2, name: 'b', up: (db) => db.exec('CREATE TABLE b (y INTEGER)') },
];

describe('migrate', () => {
  it('applies pending steps in order and stops at a target', () => {
    const db = new Database(':memory:');
    expect(migrate(db, steps, 1)).toBe(1);
    expect(migrate(db, steps)).toBe(2);
    expect(migrate(db, steps)).toBe(2);
  });

  it('rolls a failing step back completely, keeping the last good version', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      steps[0]!,
      {
        version: 2,
        name: 'half',
        up: (d) => {
          d.exec('CREATE TABLE half (z INTEGER)');
          throw new Error('disk full');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a list with gaps', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [steps[1]!])).toThrow(/expected 1/);
  });
});
