import type { SqliteDatabase } from '../store/db';
import { crashPoint } from './crash-points';
import { bitWidth, quantizeBits } from './vector-bits';

/**
 * Query functions over the vectors in `library.db` (migration 0003): the `embedders`, one `vec0`
 * table per embedder, and the `embeddings` bookkeeping. Every connection that deletes chunks must
 * have sqlite-vec loaded, since the per-table triggers write to `vec0` tables.
 */

/** An embedding model as the library knows it: what identifies its vectors, and their width. */
export interface EmbedderIdentity {
  /** Identifies the weights (file name and size): the same file installed again reuses its vectors. */
  key: string;
  name: string;
  dimensions: number;
}

export interface EmbedderRow extends EmbedderIdentity {
  id: number;
  /** When every chunk first had a vector from it; `null` while it is still being filled. */
  filledAt: Date | null;
}

/** A chunk waiting for its vector, with the text to embed. */
export interface ChunkToEmbed {
  id: number;
  text: string;
}

/**
 * The name of an embedder's table of float vectors: a plain table keyed by chunk id, so the
 * candidates of a search are rescored by B-tree lookups (a `vec0` table reads a whole chunk of
 * vectors, megabytes, for each row fetched by id: ~0.7 ms per lookup here). Ids are integers, so
 * the name is safe in SQL.
 */
export const vecTable = (embedderId: number): string => `vec_chunks_${Math.trunc(embedderId)}`;

/**
 * The name of an embedder's `vec0` table of binary codes (library/vector-bits.ts), the one a
 * search scans, with each chunk's collection as a metadata column so a search scoped to some
 * collections filters during the scan.
 */
export const bitsTable = (embedderId: number): string => `vec_bits_${Math.trunc(embedderId)}`;

/**
 * Creates an embedder's two tables (float vectors, binary codes) and the triggers that delete a
 * chunk's rows with the chunk. Used by `registerEmbedder`, and by library migration 0006 for
 * embedders made before it.
 */
export function createVectorTables(db: SqliteDatabase, embedderId: number, dimensions: number): void {
  const floats = vecTable(embedderId);
  const bits = bitsTable(embedderId);
  db.exec(`
    CREATE TABLE ${floats} (rowid INTEGER PRIMARY KEY, embedding BLOB NOT NULL) STRICT;
    CREATE VIRTUAL TABLE ${bits} USING vec0(embedding bit[${bitWidth(Math.trunc(dimensions))}], collection_id integer);
    CREATE TRIGGER ${floats}_chunk_deleted AFTER DELETE ON chunks BEGIN
      DELETE FROM ${floats} WHERE rowid = old.id;
      DELETE FROM ${bits} WHERE rowid = old.id;
    END;
  `);
}

/** Writes a chunk's vector and its binary code; `collectionId` is the collection of the chunk's document. */
export function vectorInsert(db: SqliteDatabase, embedderId: number) {
  const floats = db.prepare(`INSERT INTO ${vecTable(embedderId)} (rowid, embedding) VALUES (?, ?)`);
  const bits = db.prepare(
    `INSERT INTO ${bitsTable(embedderId)} (rowid, embedding, collection_id) VALUES (?, vec_bit(?), ?)`,
  );
  return (chunkId: number, vector: Float32Array, collectionId: number) => {
    floats.run(chunkId, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    bits.run(BigInt(chunkId), quantizeBits(vector), BigInt(collectionId));
  };
}

/**
 * The embedder's row, created with its vector tables and the trigger that keeps them in step with
 * `chunks`, all in one transaction. Registering a known embedder changes nothing.
 */
export function registerEmbedder(db: SqliteDatabase, embedder: EmbedderIdentity): EmbedderRow {
  return db.transaction(() => {
    const existing = findEmbedder(db, embedder.key);
    if (existing) {
      if (existing.dimensions !== embedder.dimensions) {
        throw new Error(
          `${embedder.name} gives ${embedder.dimensions}-d vectors, but it stored ${existing.dimensions}-d.`,
        );
      }
      return existing;
    }
    const id = Number(
      db
        .prepare('INSERT INTO embedders (model_key, name, dimensions, created_at) VALUES (?, ?, ?, ?)')
        .run(embedder.key, embedder.name, embedder.dimensions, Date.now()).lastInsertRowid,
    );
    createVectorTables(db, id, embedder.dimensions);
    return { ...embedder, id, filledAt: null };
  })();
}

export function findEmbedder(db: SqliteDatabase, key: string): EmbedderRow | null {
  const row = db.prepare('SELECT * FROM embedders WHERE model_key = ?').get(key) as RawEmbedder | undefined;
  return row ? toRow(row) : null;
}

export function listEmbedders(db: SqliteDatabase): EmbedderRow[] {
  return (db.prepare('SELECT * FROM embedders ORDER BY id').all() as RawEmbedder[]).map(toRow);
}

/**
 * The next chunks of a collection without a vector from the embedder, in id order after `afterId`
 * (a run walks forward, so a chunk that fails is not fetched again and again). The heading path is
 * put before the text: "Install › Linux" says what a short chunk is about.
 */
export function chunksToEmbed(
  db: SqliteDatabase,
  embedderId: number,
  collectionId: number,
  afterId: number,
  limit: number,
): ChunkToEmbed[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.text, c.heading_path FROM chunks c JOIN documents d ON d.id = c.document_id
       WHERE d.collection_id = ? AND c.id > ?
         AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.embedder_id = ? AND e.chunk_id = c.id)
       ORDER BY c.id LIMIT ?`,
    )
    .all(collectionId, afterId, embedderId, limit) as Array<{ id: number; text: string; heading_path: string }>;
  return rows.map((row) => ({ id: row.id, text: row.heading_path ? `${row.heading_path}\n\n${row.text}` : row.text }));
}

/** How many chunks of a collection have no vector from the embedder yet. */
export function countToEmbed(db: SqliteDatabase, embedderId: number, collectionId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.document_id
       WHERE d.collection_id = ? AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.embedder_id = ? AND e.chunk_id = c.id)`,
    )
    .pluck()
    .get(collectionId, embedderId) as number;
}

/**
 * Stores vectors in one transaction. A chunk deleted since it was read (its file changed) is
 * passed over: its vector would belong to nothing.
 */
export function writeVectors(
  db: SqliteDatabase,
  embedderId: number,
  vectors: ReadonlyArray<{ chunkId: number; vector: Float32Array }>,
): number {
  const mark = db.prepare(
    'INSERT OR IGNORE INTO embeddings (embedder_id, chunk_id) SELECT ?, id FROM chunks WHERE id = ?',
  );
  const collectionOf = db
    .prepare('SELECT d.collection_id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id = ?')
    .pluck();
  const insert = vectorInsert(db, embedderId);
  return db.transaction(() => {
    let written = 0;
    for (const { chunkId, vector } of vectors) {
      if (mark.run(embedderId, chunkId).changes === 0) continue;
      insert(chunkId, vector, collectionOf.get(chunkId) as number);
      written++;
    }
    crashPoint('vectors-written');
    return written;
  })();
}

/** Chunks of a collection with a vector from the embedder. */
export function embeddedCount(db: SqliteDatabase, embedderId: number, collectionId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM embeddings e JOIN chunks c ON c.id = e.chunk_id JOIN documents d ON d.id = c.document_id
       WHERE e.embedder_id = ? AND d.collection_id = ?`,
    )
    .pluck()
    .get(embedderId, collectionId) as number;
}

/**
 * Once every chunk of every collection has a vector from `embedderId`, it is marked filled and the
 * embedders before it are dropped with their vectors: they served search until now. Returns
 * whether it is filled.
 */
export function settleEmbedders(db: SqliteDatabase, embedderId: number): boolean {
  return db.transaction(() => {
    const missing = db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM chunks c
           WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.embedder_id = ? AND e.chunk_id = c.id))`,
      )
      .pluck()
      .get(embedderId) as number;
    if (missing) return false;
    db.prepare('UPDATE embedders SET filled_at = coalesce(filled_at, ?) WHERE id = ?').run(Date.now(), embedderId);
    for (const other of listEmbedders(db)) if (other.id !== embedderId) dropEmbedder(db, other.id);
    return true;
  })();
}

/** Removes an embedder with its vectors (its tables, triggers and bookkeeping). */
export function dropEmbedder(db: SqliteDatabase, embedderId: number): void {
  db.transaction(() => {
    const [floats, bits] = [vecTable(embedderId), bitsTable(embedderId)];
    db.exec(
      `DROP TRIGGER IF EXISTS ${floats}_chunk_deleted; DROP TABLE IF EXISTS ${floats}; DROP TABLE IF EXISTS ${bits};`,
    );
    db.prepare('DELETE FROM embedders WHERE id = ?').run(embedderId);
  })();
}

/**
 * The embedder whose vectors answer searches: the current one once it is filled, else the most
 * recent filled one (the old vectors serve while a new model fills its table), else the current
 * one with whatever it has so far.
 */
export function servingEmbedder(db: SqliteDatabase, currentKey: string | null): EmbedderRow | null {
  const all = listEmbedders(db);
  const current = all.find((row) => row.key === currentKey) ?? null;
  if (current?.filledAt) return current;
  const filled = all.filter((row) => row.filledAt).at(-1);
  return filled ?? current;
}

interface RawEmbedder {
  id: number;
  model_key: string;
  name: string;
  dimensions: number;
  filled_at: number | null;
}

function toRow(row: RawEmbedder): EmbedderRow {
  return {
    id: row.id,
    key: row.model_key,
    name: row.name,
    dimensions: row.dimensions,
    filledAt: row.filled_at === null ? null : new Date(row.filled_at),
  };
}
