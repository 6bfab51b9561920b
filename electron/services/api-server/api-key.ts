import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { SqliteDatabase } from '../store/db';

/** The settings row holding the key. Not a setting: settings are broadcast to the window. */
const ROW = 'apiServerKey';

/**
 * The local API's key: made once per install (32 random bytes, `hth-` + base64url), kept in
 * hearth.db, replaced only when the user asks. Every request must present it as a bearer token.
 */
export class ApiKeyStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** The key, made on first use. */
  get(): string {
    const stored = this.#db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ROW) as string | undefined;
    if (stored) return JSON.parse(stored) as string;
    return this.regenerate();
  }

  /** A new key; the old one stops working at once. */
  regenerate(): string {
    const key = `hth-${randomBytes(32).toString('base64url')}`;
    this.#db
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(ROW, JSON.stringify(key), Date.now());
    return key;
  }

  /** Whether `presented` is the key, compared in constant time. */
  matches(presented: string | undefined): boolean {
    if (!presented) return false;
    const expected = Buffer.from(this.get());
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
