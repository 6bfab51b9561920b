import { bitsTable, vecTable } from '../embedders';
import { quantizeBits } from '../vector-bits';
import { scanBitCodes } from './bit-scan';
import type { SqliteDatabase } from '../../store/db';

export interface VectorHit {
  chunkId: number;
  /** Cosine distance to the query: 0 is the same direction, 2 the opposite. */
  distance: number;
}

export interface VectorSearchOptions {
  /** Only chunks of these collections; every collection when absent. */
  collectionIds?: readonly number[];
  /** How many chunks at most. */
  limit: number;
  /**
   * How many candidates the binary prefilter keeps for rescoring with the float vectors. Defaults
   * to `defaultCandidates(limit)`; the recall test and the benchmark measure other values.
   */
  candidates?: number;
}

/**
 * At least 160 candidates, and 4 per wanted result: the smallest count that held recall@10 ≥ 0.98
 * against exact search in every shape of test/helpers/synthetic-vectors.ts tried (80 gave 0.89 on
 * the tightest clusters, 160 gave 0.98 there and 1.0 elsewhere). More cost little now that the
 * scan's cost does not grow with them (library/reads/bit-scan.ts): each candidate is one B-tree
 * lookup and one dot product in the rescoring, a few microseconds.
 */
export function defaultCandidates(limit: number): number {
  return Math.max(160, limit * 4);
}

/** sqlite-vec's own ceiling on `k` in a KNN query. */
const MAX_K = 4096;

/**
 * The chunks nearest to `query` (a unit vector from the same embedder), best first: a scan of the
 * binary codes for the `k` nearest by Hamming distance (library/reads/bit-scan.ts, with the
 * collections filtered during the scan), then those candidates rescored with their float vectors.
 * The shipped sqlite-vec has no SIMD, so a float scan of 100k × 768 takes ~60 ms; the code scan
 * reads 1/32 of the bytes.
 */
export function vectorSearch(
  db: SqliteDatabase,
  embedderId: number,
  query: Float32Array,
  options: VectorSearchOptions,
): VectorHit[] {
  const k = Math.min(MAX_K, Math.max(options.limit, options.candidates ?? defaultCandidates(options.limit)));
  const ids = options.collectionIds;
  if (ids?.length === 0) return [];
  const code = quantizeBits(query);
  const candidates =
    scanBitCodes(db, bitsTable(embedderId), code, k, ids) ?? sqliteVecKnn(db, embedderId, code, k, ids);
  const floats = db.prepare(`SELECT embedding FROM ${vecTable(embedderId)} WHERE rowid = ?`).pluck();
  const hits: VectorHit[] = [];
  for (const chunkId of candidates) {
    const blob = floats.get(chunkId) as Buffer | undefined;
    if (blob) hits.push({ chunkId, distance: cosineDistance(query, blob) });
  }
  return hits.sort((a, b) => a.distance - b.distance).slice(0, options.limit);
}

/**
 * sqlite-vec's own KNN over the codes: the same candidates as `scanBitCodes` (up to the order of
 * ties), slower as `k` grows; used when its storage is not the layout that scan reads.
 */
export function sqliteVecKnn(
  db: SqliteDatabase,
  embedderId: number,
  code: Uint8Array,
  k: number,
  collectionIds?: readonly number[],
): number[] {
  const scope = collectionIds ? `AND collection_id IN (${collectionIds.map(() => '?').join(', ')})` : '';
  return db
    .prepare(`SELECT rowid FROM ${bitsTable(embedderId)} WHERE embedding MATCH vec_bit(?) AND k = ? ${scope}`)
    .pluck()
    .all(code, k, ...(collectionIds ?? [])) as number[];
}

/**
 * Exact nearest neighbours by a full scan of the float vectors: the reference the prefilter's
 * recall is measured against, and the vector side of the evaluation's baseline. Not scoped, so
 * callers compare it on one collection.
 */
export function exactVectorSearch(
  db: SqliteDatabase,
  embedderId: number,
  query: Float32Array,
  limit: number,
): VectorHit[] {
  return db
    .prepare(
      `SELECT rowid AS chunkId, vec_distance_cosine(embedding, ?) AS distance FROM ${vecTable(embedderId)}
       ORDER BY distance LIMIT ?`,
    )
    .all(query, limit) as VectorHit[];
}

function cosineDistance(query: Float32Array, blob: Buffer): number {
  // A Float32Array view needs a 4-byte aligned offset; SQLite's blob may not give one.
  const vector =
    blob.byteOffset % 4 === 0
      ? new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4)
      : new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  let dot = 0;
  let a = 0;
  let b = 0;
  for (let i = 0; i < vector.length; i++) {
    dot += query[i]! * vector[i]!;
    a += query[i]! * query[i]!;
    b += vector[i]! * vector[i]!;
  }
  return a === 0 || b === 0 ? 1 : 1 - dot / Math.sqrt(a * b);
}
