import { afterEach, describe, expect, it } from 'vitest';
import {
  chunksToEmbed,
  embeddedCount,
  listEmbedders,
  registerEmbedder,
  servingEmbedder,
  settleEmbedders,
  vecTable,
  bitsTable,
  writeVectors,
} from '../../../../electron/services/library/embedders';
import { addSource, createCollection } from '../../../../electron/services/library/collection-writes';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

/** A library with one collection of `count` chunks (real SQLite, real sqlite-vec). */
function library(count: number) {
  store = openStore({ dataDir: tempDir() });
  const db = store.library;
  const collection = createCollection(db, 'c');
  addSource(db, collection, { root: '/notes' });
  const document = Number(
    db
      .prepare(
        `INSERT INTO documents (collection_id, path, size, mtime_ms, type, status) VALUES (?, '/notes/a.md', 1, 1, 'markdown', 'indexed')`,
      )
      .run(collection).lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO chunks (document_id, ordinal, text, heading_path, line_start, line_end, char_start, char_end, tokens)
     VALUES (?, ?, ?, ?, 1, 1, 0, 1, 1)`,
  );
  for (let i = 0; i < count; i++) insert.run(document, i, `chunk ${i}`, i === 0 ? 'Intro' : '');
  return { db, collection, document };
}

const vector = (dimensions: number, seed: number) =>
  Float32Array.from({ length: dimensions }, (_, i) => Math.sin(seed * 7 + i));

function fill(db: Store['library'], embedderId: number, collection: number, dimensions: number, limit = 1000) {
  const batch = chunksToEmbed(db, embedderId, collection, 0, limit);
  return writeVectors(
    db,
    embedderId,
    batch.map((chunk) => ({ chunkId: chunk.id, vector: vector(dimensions, chunk.id) })),
  );
}

describe('embedders', () => {
  it('serve search with the old vectors until the new model has them all, then drop the old ones', () => {
    const { db, collection } = library(10);
    const old = registerEmbedder(db, { key: 'small.gguf:1', name: 'small', dimensions: 4 });
    expect(fill(db, old.id, collection, 4)).toBe(10);
    expect(settleEmbedders(db, old.id)).toBe(true);

    const next = registerEmbedder(db, { key: 'wide.gguf:2', name: 'wide', dimensions: 8 });
    expect(servingEmbedder(db, next.key)?.id).toBe(old.id);
    expect(fill(db, next.id, collection, 8, 6)).toBe(6);
    expect(settleEmbedders(db, next.id)).toBe(false);
    expect(servingEmbedder(db, next.key)?.id).toBe(old.id);
    expect(embeddedCount(db, next.id, collection)).toBe(6);

    expect(fill(db, next.id, collection, 8)).toBe(4);
    expect(settleEmbedders(db, next.id)).toBe(true);
    expect(servingEmbedder(db, next.key)).toMatchObject({ id: next.id, filledAt: expect.any(Date) });
    expect(listEmbedders(db).map((row) => row.name)).toEqual(['wide']);
    const exists = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name IN (?, ?)`).pluck();
    expect(exists.get(vecTable(old.id), bitsTable(old.id))).toBe(0);
    expect(exists.get(vecTable(next.id), bitsTable(next.id))).toBe(2);
    expect(
      db
        .prepare(`SELECT count(*) FROM ${bitsTable(next.id)}`)
        .pluck()
        .get(),
    ).toBe(10);
  });

  it('puts the heading path before a chunk’s text, and walks forward from a given chunk', () => {
    const { db, collection } = library(3);
    const embedder = registerEmbedder(db, { key: 'k', name: 'n', dimensions: 4 });
    const [first, second] = chunksToEmbed(db, embedder.id, collection, 0, 2);
    expect(first!.text).toBe('Intro\n\nchunk 0');
    expect(second!.text).toBe('chunk 1');
    expect(chunksToEmbed(db, embedder.id, collection, second!.id, 10).map((c) => c.text)).toEqual(['chunk 2']);
  });

  it('removes a chunk’s vector with the chunk, and stores nothing for a chunk deleted meanwhile', () => {
    const { db, collection, document } = library(4);
    const embedder = registerEmbedder(db, { key: 'k', name: 'n', dimensions: 4 });
    const batch = chunksToEmbed(db, embedder.id, collection, 0, 10);
    db.prepare('DELETE FROM chunks WHERE id = ?').run(batch[3]!.id);
    const written = writeVectors(
      db,
      embedder.id,
      batch.map((chunk) => ({ chunkId: chunk.id, vector: vector(4, chunk.id) })),
    );
    expect(written).toBe(3);
    const count = () =>
      db
        .prepare(`SELECT count(*) FROM ${vecTable(embedder.id)}`)
        .pluck()
        .get();
    expect(count()).toBe(3);

    db.prepare('DELETE FROM chunks WHERE document_id = ?').run(document);
    expect(count()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM embeddings').pluck().get()).toBe(0);
  });

  it('refuses a model whose vectors changed width under the same name', () => {
    const { db } = library(1);
    registerEmbedder(db, { key: 'k', name: 'n', dimensions: 4 });
    expect(() => registerEmbedder(db, { key: 'k', name: 'n', dimensions: 8 })).toThrow(
      /8-d vectors, but it stored 4-d/,
    );
  });
});
