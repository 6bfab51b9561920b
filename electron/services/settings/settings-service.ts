import { SettingsSchema, type Settings, type SettingsPatch } from '../../ipc/contract';
import type { EmitEvent } from '../events';
import type { SqliteDatabase } from '../store/db';

/** What every setting is until the user changes it. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'system',
  onboardingDone: false,
  airGap: false,
  modelsPerRole: 1,
  targetTokensPerSecond: 10,
  embeddingModel: null,
  ocrEnabled: true,
  ocrMaxPages: 20,
  apiServerEnabled: false,
  apiServerPort: 4891,
  apiAllowedOrigins: [],
};

/**
 * Typed settings persisted in `hearth.db`, one row per key. Stored values that no longer match
 * the schema (a setting from an older build, a hand-edited row) fall back to the default for that
 * key instead of failing the whole read.
 */
export class SettingsService {
  readonly #db: SqliteDatabase;
  readonly #emit: EmitEvent;
  readonly #listeners = new Set<(settings: Settings) => void>();

  constructor(db: SqliteDatabase, emit: EmitEvent) {
    this.#db = db;
    this.#emit = emit;
  }

  get(): Settings {
    const rows = this.#db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of rows) {
      if (!Object.hasOwn(DEFAULT_SETTINGS, key)) continue;
      const field = SettingsSchema.shape[key as keyof Settings];
      const parsed = field.safeParse(JSON.parse(value));
      if (parsed.success) settings[key] = parsed.data;
    }
    return SettingsSchema.parse(settings);
  }

  /** Applies a validated partial update in one transaction and broadcasts the result. */
  set(patch: SettingsPatch): Settings {
    const upsert = this.#db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const now = Date.now();
    this.#db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value), now);
      }
    })();
    const settings = this.get();
    this.#emit('settings.changed', settings);
    for (const listener of this.#listeners) listener(settings);
    return settings;
  }

  /** Calls `listener` after every change (services that must react at once, like air-gap). */
  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
