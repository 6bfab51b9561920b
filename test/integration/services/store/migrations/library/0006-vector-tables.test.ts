import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { quantizeBits } from '../../../../../../electron/services/library/vector-bits';
import { migrate } from '../../../../../../electron/services/store/migration';
import { libraryMigrations } from '../../../../../../electron/services/store/migrations/library';
import { resolveVecExtensionPath } from '../../../../../../electron/services/store/vec-extension';

describe('library 0006-vector-tables', () => {
  it('moves each embedder’s vectors to a plain table and adds binary codes scoped by collection', () => {
    const db = new Database(':memory:');
    db.loadExtension(resolveVecExtensionPath());
    migrate(db, libraryMigrations, 5);
    // An embedder as version 5 registered it: a 12-d vector table (not a whole number of bytes).
    db.exec(`
      INSERT INTO collections (name, created_at) VALUES ('a', 1), ('b', 1);
      INSERT INTO documents (collection_id, path, size, mtime_ms, type, status)
        VALUES (1, '/a.md', 1, 1, 'markdown', 'indexed'), (2, '/b.md', 1, 1, 'markdown', 'indexed');
      INSERT INTO chunks (document_id, ordinal, text, line_start, line_end, char_start, char_end, tokens)
        VALUES (1, 0, 'a', 1, 1, 0, 1, 1), (2, 0, 'b', 1, 1, 0, 1, 1);
      INSERT INTO embedders (model_key, name, dimensions, created_at) VALUES ('m.gguf:1', 'm', 12, 1);
      INSERT INTO embeddings (embedder_id, chunk_id) VALUES (1, 1), (1, 2);
      CREATE VIRTUAL TABLE vec_chunks_1 USING vec0(embedding float[12] distance_metric=cosine);
    `);
    const a = Float32Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 1 : -1));
    const b = Float32Array.from({ length: 12 }, (_, i) => (i < 6 ? 0.5 : -0.5));
    const insert = db.prepare('INSERT INTO vec_chunks_1 (rowid, embedding) VALUES (?, ?)');
    insert.run(1n, a);
    insert.run(2n, b);

    expect(migrate(db, libraryMigrations, 6)).toBe(6);
    const floats = db.prepare('SELECT rowid, embedding FROM vec_chunks_1 ORDER BY rowid').all() as Array<{
      rowid: number;
      embedding: Buffer;
    }>;
    expect(floats.map((row) => row.rowid)).toEqual([1, 2]);
    expect(new Float32Array(new Uint8Array(floats[0]!.embedding).buffer)).toEqual(a);
    expect(new Float32Array(new Uint8Array(floats[1]!.embedding).buffer)).toEqual(b);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'vec_chunks_1'").pluck().get()).not.toMatch(/vec0/);
    const codes = db.prepare('SELECT rowid, embedding, collection_id FROM vec_bits_1 ORDER BY rowid').all() as Array<{
      rowid: number;
      embedding: Buffer;
      collection_id: number;
    }>;
    expect(codes.map((row) => [row.rowid, row.collection_id])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect([...codes[0]!.embedding]).toEqual([...quantizeBits(a)]);
    expect([...codes[1]!.embedding]).toEqual([...quantizeBits(b)]);

    const nearest = (collections: number[]) =>
      db
        .prepare(
          `SELECT rowid FROM vec_bits_1 WHERE embedding MATCH vec_bit(?) AND k = 5
             AND collection_id IN (${collections.join(',')}) ORDER BY distance`,
        )
        .pluck()
        .all(quantizeBits(a));
    expect(nearest([1, 2])).toEqual([1, 2]);
    expect(nearest([2])).toEqual([2]);

    db.prepare('DELETE FROM chunks WHERE id = 1').run();
    expect(db.prepare('SELECT rowid FROM vec_bits_1').pluck().all()).toEqual([2]);
    expect(db.prepare('SELECT rowid FROM vec_chunks_1').pluck().all()).toEqual([2]);
  });
});
