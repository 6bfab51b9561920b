import {
  BenchmarkResultSchema,
  ModelMetadataSchema,
  ModelSettingsSchema,
  type BenchmarkResult,
  type ModelMetadata,
  type ModelSettings,
} from '../../ipc/contract';
import type { SqliteDatabase } from '../store/db';

/** A row of `models`, parsed. Query functions take the db first and hold no state. */
export interface ModelRecord {
  id: string;
  path: string;
  storage: 'copy' | 'reference' | 'download';
  metadata: ModelMetadata;
  settings: ModelSettings;
  addedAt: Date;
}

interface ModelRow {
  id: string;
  path: string;
  storage: ModelRecord['storage'];
  metadata: string;
  settings: string;
  added_at: number;
}

function toRecord(row: ModelRow): ModelRecord {
  return {
    id: row.id,
    path: row.path,
    storage: row.storage,
    metadata: ModelMetadataSchema.parse(JSON.parse(row.metadata)),
    // Defaults fill settings added after the row was written.
    settings: ModelSettingsSchema.parse(JSON.parse(row.settings)),
    addedAt: new Date(row.added_at),
  };
}

/**
 * A row that no longer parses (written by a bug, or by an older Hearth that stored what it should
 * have refused) is left in the database, untouched, and skipped: one bad row must not take the
 * whole model list down with it, on every call and across restarts.
 */
function toRecordOrSkip(row: ModelRow): ModelRecord | null {
  try {
    return toRecord(row);
  } catch (error) {
    console.warn(`[models] skipping model ${row.id}: its stored row is unreadable (${String(error).slice(0, 200)})`);
    return null;
  }
}

export function insertModel(db: SqliteDatabase, record: ModelRecord): void {
  db.prepare('INSERT INTO models (id, path, storage, metadata, settings, added_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    record.id,
    record.path,
    record.storage,
    JSON.stringify(record.metadata),
    JSON.stringify(record.settings),
    record.addedAt.getTime(),
  );
}

export function listModelRecords(db: SqliteDatabase): ModelRecord[] {
  return (db.prepare('SELECT * FROM models ORDER BY added_at, id').all() as ModelRow[])
    .map(toRecordOrSkip)
    .filter((record) => record !== null);
}

export function findModelRecord(db: SqliteDatabase, id: string): ModelRecord | null {
  const row = db.prepare('SELECT * FROM models WHERE id = ?').get(id) as ModelRow | undefined;
  return row ? toRecordOrSkip(row) : null;
}

export function findModelRecordByPath(db: SqliteDatabase, path: string): ModelRecord | null {
  const row = db.prepare('SELECT * FROM models WHERE path = ?').get(path) as ModelRow | undefined;
  return row ? toRecordOrSkip(row) : null;
}

export function deleteModelRecord(db: SqliteDatabase, id: string): void {
  db.prepare('DELETE FROM models WHERE id = ?').run(id);
}

export function updateModelSettings(db: SqliteDatabase, id: string, settings: ModelSettings): void {
  db.prepare('UPDATE models SET settings = ? WHERE id = ?').run(JSON.stringify(settings), id);
}

export function insertBenchmark(db: SqliteDatabase, result: BenchmarkResult): void {
  db.prepare('INSERT INTO model_benchmarks (model_id, ran_at, hardware, results) VALUES (?, ?, ?, ?)').run(
    result.modelId,
    Date.parse(result.ranAt),
    JSON.stringify(result.hardware),
    JSON.stringify({
      runs: result.runs,
      recommendedThreads: result.recommendedThreads,
      recommendedContextSize: result.recommendedContextSize,
      speed: result.speed,
    }),
  );
}

export function latestBenchmark(db: SqliteDatabase, modelId: string): BenchmarkResult | null {
  const row = db
    .prepare('SELECT ran_at, hardware, results FROM model_benchmarks WHERE model_id = ? ORDER BY ran_at DESC LIMIT 1')
    .get(modelId) as { ran_at: number; hardware: string; results: string } | undefined;
  if (!row) return null;
  const results = JSON.parse(row.results) as Pick<
    BenchmarkResult,
    'runs' | 'recommendedThreads' | 'recommendedContextSize' | 'speed'
  >;
  return BenchmarkResultSchema.parse({
    modelId,
    ranAt: new Date(row.ran_at).toISOString(),
    hardware: JSON.parse(row.hardware),
    ...results,
  });
}
