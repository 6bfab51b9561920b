import { createHash } from 'node:crypto';
import { bitsTable, listEmbedders, vecTable } from '../../electron/services/library/embedders';
import type { SqliteDatabase } from '../../electron/services/store/db';

/**
 * A fingerprint of everything an index holds that a rerun must reproduce: documents (by path,
 * never by row id), their chunks, the full-text index's terms per chunk, and each embedder's
 * vectors (the exact floats) per chunk. Timestamps and attempt counts are left out: they record
 * when, not what.
 */
export function indexFingerprint(db: SqliteDatabase): {
  hash: string;
  documents: number;
  chunks: number;
  terms: number;
  vectors: number;
} {
  const hash = createHash('sha256');
  const documents = db
    .prepare('SELECT path, size, sha256, type, status, skip_reason FROM documents ORDER BY path')
    .all() as unknown[];
  const chunks = db
    .prepare(
      `SELECT d.path, c.ordinal, c.text, c.heading_path, c.page, c.line_start, c.line_end, c.char_start, c.char_end, c.tokens
       FROM chunks c JOIN documents d ON d.id = c.document_id ORDER BY d.path, c.ordinal`,
    )
    .all() as unknown[];
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, chunks_fts, instance)');
  const terms = db
    .prepare(
      `SELECT d.path, c.ordinal, v.term, v.col, v.offset FROM temp.fts_terms v
       JOIN chunks c ON c.id = v.doc JOIN documents d ON d.id = c.document_id
       ORDER BY d.path, c.ordinal, v.col, v.offset`,
    )
    .all() as unknown[];
  for (const row of [...documents, ...chunks, ...terms]) hash.update(JSON.stringify(row)).update('\n');
  let vectors = 0;
  for (const embedder of listEmbedders(db)) {
    const rows = db
      .prepare(
        `SELECT d.path, c.ordinal, v.embedding FROM ${vecTable(embedder.id)} v
         JOIN chunks c ON c.id = v.rowid JOIN documents d ON d.id = c.document_id ORDER BY d.path, c.ordinal`,
      )
      .all() as Array<{ path: string; ordinal: number; embedding: Buffer }>;
    for (const row of rows) {
      hash.update(`${embedder.key} ${embedder.filledAt ? 'filled' : 'filling'} ${row.path} ${row.ordinal} `);
      hash.update(row.embedding).update('\n');
    }
    vectors += rows.length;
    // The binary codes search scans, with the collection each is filed under.
    const codes = db
      .prepare(
        `SELECT d.path, c.ordinal, b.embedding, b.collection_id FROM ${bitsTable(embedder.id)} b
         JOIN chunks c ON c.id = b.rowid JOIN documents d ON d.id = c.document_id ORDER BY d.path, c.ordinal`,
      )
      .all() as Array<{ path: string; ordinal: number; embedding: Buffer; collection_id: number }>;
    if (codes.length !== rows.length) throw new Error(`${codes.length} binary codes for ${rows.length} vectors`);
    for (const row of codes) hash.update(`${row.path} ${row.ordinal} ${row.collection_id} `).update(row.embedding);
  }
  return {
    hash: hash.digest('hex'),
    documents: documents.length,
    chunks: chunks.length,
    terms: terms.length,
    vectors,
  };
}
