import type { Database } from 'better-sqlite3';
import type { Migration } from '../../migration';

/**
 * Vectors stored for fast search (library/embedders.ts): each embedder's float vectors move from a
 * `vec0` table to a plain table keyed by chunk id (candidates are rescored by id, which `vec0`
 * does slowly), and a `vec0` table of binary codes with each chunk's collection is added beside
 * them (the scan). Every stored vector is kept; none is embedded again.
 *
 * A shipped migration keeps its own definitions of what it creates, as they were at version 6:
 * the live code (library/embedders.ts, library/vector-bits.ts) may change later; history may not.
 */
const floatsTable = (embedderId: number) => `vec_chunks_${Math.trunc(embedderId)}`;
const bitsTable = (embedderId: number) => `vec_bits_${Math.trunc(embedderId)}`;
/** Dimensions rounded up to a whole byte. */
const bitWidth = (dimensions: number) => Math.ceil(dimensions / 8) * 8;

/** One bit per dimension, set where the value is positive, least significant first in each byte. */
function signBits(vector: Float32Array): Uint8Array {
  const bits = new Uint8Array(bitWidth(vector.length) / 8);
  for (let i = 0; i < vector.length; i++) if (vector[i]! > 0) bits[i >> 3]! |= 1 << (i & 7);
  return bits;
}

function createTables(db: Database, embedderId: number, dimensions: number): void {
  const floats = floatsTable(embedderId);
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

export const vectorTables: Migration = {
  version: 6,
  name: 'vector-tables',
  up(db) {
    const embedders = db.prepare('SELECT id, dimensions FROM embedders').all() as Array<{
      id: number;
      dimensions: number;
    }>;
    for (const { id, dimensions } of embedders) {
      // Before version 6, the float vectors lived in a vec0 table of the same name.
      const old = floatsTable(id);
      db.exec(`
        CREATE TABLE vectors_moving (rowid INTEGER PRIMARY KEY, embedding BLOB NOT NULL) STRICT;
        INSERT INTO vectors_moving (rowid, embedding) SELECT rowid, embedding FROM ${old};
        DROP TRIGGER IF EXISTS ${old}_chunk_deleted;
        DROP TABLE ${old};
      `);
      createTables(db, id, dimensions);
      const floats = db.prepare(`INSERT INTO ${floatsTable(id)} (rowid, embedding) VALUES (?, ?)`);
      const bits = db.prepare(
        `INSERT INTO ${bitsTable(id)} (rowid, embedding, collection_id) VALUES (?, vec_bit(?), ?)`,
      );
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
          floats.run(row.chunk_id, row.embedding);
          bits.run(
            BigInt(row.chunk_id),
            signBits(new Float32Array(buffer.slice(byteOffset, byteOffset + byteLength))),
            BigInt(row.collection_id),
          );
        }
        after = rows.at(-1)!.chunk_id;
      }
      db.exec('DROP TABLE vectors_moving');
    }
  },
};
