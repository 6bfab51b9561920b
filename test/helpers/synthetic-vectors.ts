import { registerEmbedder, writeVectors, type EmbedderRow } from '../../electron/services/library/embedders';
import type { SqliteDatabase } from '../../electron/services/store/db';
import { seededRandom } from '../../native-models/fixtures/random';

/**
 * Vectors shaped like real embeddings rather than uniform noise: unit vectors in a hierarchy of
 * topics, each with subtopics, each with its points, so similarity shades off gradually as
 * sentence embeddings' does. Uniformly random high-dimensional vectors are all nearly orthogonal:
 * "nearest" means nothing there, and any index looks bad on them. Flat clusters are the opposite
 * trap: a query's neighbours are its whole cluster, and any index looks perfect.
 */
export function clusteredVectors(options: {
  count: number;
  dimensions: number;
  seed: number;
  /** Points per subtopic on average. Defaults to 25. */
  perSubtopic?: number;
  /** Subtopics per topic on average. Defaults to 20. */
  perTopic?: number;
}): Float32Array[] {
  const random = seededRandom(options.seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const around = (centre: Float32Array | null, scale: number) => {
    const point = new Float32Array(options.dimensions);
    for (let i = 0; i < point.length; i++) point[i] = (centre ? centre[i]! : 0) + scale * gaussian();
    return point;
  };
  const subtopicCount = Math.max(1, Math.round(options.count / (options.perSubtopic ?? 25)));
  const topics = Array.from({ length: Math.max(1, Math.round(subtopicCount / (options.perTopic ?? 20))) }, () =>
    around(null, 1),
  );
  const subtopics = Array.from({ length: subtopicCount }, () =>
    around(topics[Math.floor(random() * topics.length)]!, 0.8),
  );
  return Array.from({ length: options.count }, () =>
    unit(around(subtopics[Math.floor(random() * subtopics.length)]!, 0.7)),
  );
}

export function unit(vector: Float32Array): Float32Array {
  let squares = 0;
  for (const value of vector) squares += value * value;
  const length = Math.sqrt(squares);
  return vector.map((value) => value / length);
}

/**
 * Fills a library database with one document per collection and one chunk per vector, stored for a
 * registered embedder through the app's own write path (floats and binary codes together).
 * Returns the embedder and the chunk ids in the order of `vectors`.
 */
export function storeVectors(
  db: SqliteDatabase,
  vectors: readonly Float32Array[],
  options: { collections: readonly number[]; text?: (index: number) => string },
): { embedder: EmbedderRow; chunkIds: number[] } {
  const embedder = registerEmbedder(db, { key: 'synthetic:1', name: 'synthetic', dimensions: vectors[0]!.length });
  const documents = options.collections.map((collectionId) =>
    Number(
      db
        .prepare(
          `INSERT INTO documents (collection_id, path, size, mtime_ms, type, status) VALUES (?, ?, 1, 1, 'text', 'indexed')`,
        )
        .run(collectionId, `/synthetic/${collectionId}.txt`).lastInsertRowid,
    ),
  );
  const insert = db.prepare(
    `INSERT INTO chunks (document_id, ordinal, text, line_start, line_end, char_start, char_end, tokens)
     VALUES (?, ?, ?, 1, 1, 0, 1, 1)`,
  );
  const chunkIds = db.transaction(() =>
    vectors.map((_, i) =>
      Number(insert.run(documents[i % documents.length], i, options.text?.(i) ?? 'x').lastInsertRowid),
    ),
  )();
  for (let start = 0; start < vectors.length; start += 1000) {
    writeVectors(
      db,
      embedder.id,
      chunkIds.slice(start, start + 1000).map((chunkId, i) => ({ chunkId, vector: vectors[start + i]! })),
    );
  }
  return { embedder, chunkIds };
}
