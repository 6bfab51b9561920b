import { createVectorTables, vecTable, vectorInsert } from '../../../library/embedders';
import type { Migration } from '../../migration';

/**
 * Vectors stored for fast search (library/embedders.ts): each embedder's float vectors move from a
 * `vec0` table to a plain table keyed by chunk id (candidates are rescored by id, which `vec0`
 * does slowly), and a `vec0` table of binary codes with each chunk's collection is added beside
 * them (the scan). Every stored vector is kept; none is embedded again.
 */
export const vectorTables: Migration = {
  version: 6,
  name: 'vector-tables',
  up(db) {
    const embedders = db.prepare('SELECT id, dimensions FROM embedders').all() as Array<{
      id: number;
      dimensions: number;
    }>;
    for (const { id, dimensions } of embedders) {
      const old = vecTable(id);
      db.exec(`
        CREATE TABLE vectors_moving (rowid INTEGER PRIMARY KEY, embedding BLOB NOT NULL) STRICT;
        INSERT INTO vectors_moving (rowid, embedding) SELECT rowid, embedding FROM ${old};
        DROP TRIGGER IF EXISTS ${old}_chunk_deleted;
        DROP TABLE ${old};
      `);
      createVectorTables(db, id, dimensions);
      const insert = vectorInsert(db, id);
      // better-sqlite3 cannot write while a statement iterates: read in pages by chunk id.
      const page = db.prepare(
        `SELECT v.rowid AS chunk_id, v.embedding, d.collection_id FROM vectors_moving v
         JOIN chunks c ON c.id = v.rowid JOIN documents d ON d.id = c.document_id
         WHERE v.rowid > ? ORDER BY v.rowid LIMIT 1000`,
      );
      for (let after = 0; ; ) {
        const rows = page.all(after) as Array<{ chunk_id: number; embedding: Buffer; collection_id: number }>;
        if (rows.length === 0) break;
        for (const row of rows) {
          const { buffer, byteOffset, byteLength } = row.embedding;
          insert(row.chunk_id, new Float32Array(buffer.slice(byteOffset, byteOffset + byteLength)), row.collection_id);
        }
        after = rows.at(-1)!.chunk_id;
      }
      db.exec('DROP TABLE vectors_moving');
    }
  },
};
