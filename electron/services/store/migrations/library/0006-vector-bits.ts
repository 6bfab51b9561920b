import { bitsInsert, createBitsTable, vecTable } from '../../../library/embedders';
import type { Migration } from '../../migration';

/**
 * Binary codes beside the float vectors, so vector search scans 1 bit per dimension and rescores
 * the closest candidates with the floats (library/vector-bits.ts). Each existing embedder gets its
 * `vec_bits_<id>` table, filled from its vectors; new embedders get theirs when registered.
 */
export const vectorBits: Migration = {
  version: 6,
  name: 'vector-bits',
  up(db) {
    const embedders = db.prepare('SELECT id, dimensions FROM embedders').all() as Array<{
      id: number;
      dimensions: number;
    }>;
    for (const { id, dimensions } of embedders) {
      createBitsTable(db, id, dimensions);
      const insert = bitsInsert(db, id);
      // better-sqlite3 cannot write while a statement iterates: read in pages by chunk id.
      const page = db.prepare(
        `SELECT v.rowid AS chunk_id, v.embedding, d.collection_id FROM ${vecTable(id)} v
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
    }
  },
};
