import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollection } from '../../../../electron/services/library/collection-writes';
import { bitsTable, registerEmbedder } from '../../../../electron/services/library/embedders';
import { scanBitCodes } from '../../../../electron/services/library/reads/bit-scan';
import { sqliteVecKnn } from '../../../../electron/services/library/reads/vector-search';
import { quantizeBits } from '../../../../electron/services/library/vector-bits';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { resolveVecExtensionPath } from '../../../../electron/services/store/vec-extension';
import { clusteredVectors, storeVectors } from '../../../helpers/synthetic-vectors';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function hamming(a: Uint8Array, b: Uint8Array): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i]! ^ b[i]!; x; x >>= 1) bits += x & 1;
  return bits;
}

/**
 * The scan and sqlite-vec's KNN agree: the same distances in the same order, and the same rows
 * wherever a distance is not tied at the cut (which of several equally far rows is kept is free).
 */
function expectSameNeighbours(codes: Map<number, Uint8Array>, query: Uint8Array, scan: number[], knn: number[]) {
  const distance = (rowid: number) => hamming(codes.get(rowid)!, query);
  expect(scan.map(distance)).toEqual(knn.map(distance));
  const cut = knn.length ? distance(knn.at(-1)!) : 0;
  const strictly = (rows: number[]) => rows.filter((rowid) => distance(rowid) < cut).sort((x, y) => x - y);
  expect(strictly(scan)).toEqual(strictly(knn));
}

function library(count: number, dimensions: number, collectionCount = 1) {
  store = openStore({ dataDir: tempDir() });
  const db = store.library;
  const collections = Array.from({ length: collectionCount }, (_, i) => createCollection(db, `c${i}`));
  const vectors = clusteredVectors({ count: count + 20, dimensions, seed: dimensions });
  const { embedder, chunkIds } = storeVectors(db, vectors.slice(0, count), { collections });
  const codes = new Map(chunkIds.map((id, i) => [id, quantizeBits(vectors[i]!)]));
  const queries = vectors.slice(count).map(quantizeBits);
  return { db, embedder, chunkIds, codes, queries, collections, table: bitsTable(embedder.id) };
}

describe("the binary prefilter's scan of sqlite-vec's stored codes", () => {
  it('finds what sqlite-vec finds, over several storage chunks, at a width of whole 64-bit words (384-d)', () => {
    const { db, embedder, codes, queries, table } = library(3000, 384);
    for (const query of queries) {
      for (const k of [1, 10, 160]) {
        const scan = scanBitCodes(db, table, query, k);
        expect(scan).toHaveLength(k);
        expectSameNeighbours(codes, query, scan!, sqliteVecKnn(db, embedder.id, query, k));
      }
    }
  });

  it('finds what sqlite-vec finds at a width the kernel pads (100-d: 13-byte codes)', () => {
    const { db, embedder, codes, queries, table } = library(1500, 100);
    for (const query of queries) {
      expectSameNeighbours(codes, query, scanBitCodes(db, table, query, 50)!, sqliteVecKnn(db, embedder.id, query, 50));
    }
  });

  it('skips deleted rows and rows outside the collections in scope', () => {
    const { db, embedder, chunkIds, codes, queries, collections, table } = library(2500, 64, 3);
    const deleted = new Set(chunkIds.filter((_, i) => i % 7 === 0));
    const remove = db.prepare('DELETE FROM chunks WHERE id = ?');
    db.transaction(() => deleted.forEach((id) => remove.run(id)))();
    const inScope = new Set(chunkIds.filter((_, i) => i % 3 !== 2));
    const scope = collections.slice(0, 2);
    for (const query of queries) {
      const all = scanBitCodes(db, table, query, 100)!;
      expect(all.some((id) => deleted.has(id))).toBe(false);
      expectSameNeighbours(codes, query, all, sqliteVecKnn(db, embedder.id, query, 100));
      const scoped = scanBitCodes(db, table, query, 100, scope)!;
      expect(scoped.every((id) => inScope.has(id) && !deleted.has(id))).toBe(true);
      expectSameNeighbours(codes, query, scoped, sqliteVecKnn(db, embedder.id, query, 100, scope));
    }
    expect(scanBitCodes(db, table, queries[0]!, 10, [])).toEqual([]);
  });

  it('sees rows written and deleted since the last scan, by this connection and by another', () => {
    const { db, embedder, chunkIds, codes, queries, table } = library(2000, 384);
    const query = queries[0]!;
    const before = scanBitCodes(db, table, query, 20)!;
    // This connection deletes the nearest row: the next scan no longer has it.
    db.prepare('DELETE FROM chunks WHERE id = ?').run(before[0]);
    const afterDelete = scanBitCodes(db, table, query, 20)!;
    expect(afterDelete).not.toContain(before[0]);
    expectSameNeighbours(codes, query, afterDelete, sqliteVecKnn(db, embedder.id, query, 20));

    // Another connection (as the indexing process) deletes the next nearest.
    const other = new Database(db.name);
    other.loadExtension(resolveVecExtensionPath());
    other.prepare('DELETE FROM chunks WHERE id = ?').run(afterDelete[0]);
    other.close();
    const afterOther = scanBitCodes(db, table, query, 20)!;
    expect(afterOther).not.toContain(afterDelete[0]);
    expectSameNeighbours(codes, query, afterOther, sqliteVecKnn(db, embedder.id, query, 20));
    expect(chunkIds).toContain(afterOther[0]);
  });

  it('finds nothing, and fails nothing, in an embedder table with no rows yet', () => {
    store = openStore({ dataDir: tempDir() });
    const embedder = registerEmbedder(store.library, { key: 'empty:1', name: 'empty', dimensions: 384 });
    expect(scanBitCodes(store.library, bitsTable(embedder.id), new Uint8Array(48), 10)).toEqual([]);
  });

  it('returns every row when there are fewer than k, nearest first', () => {
    const { db, codes, queries, table } = library(30, 384);
    const scan = scanBitCodes(db, table, queries[0]!, 100)!;
    expect(new Set(scan)).toEqual(new Set(codes.keys()));
    const distances = scan.map((id) => hamming(codes.get(id)!, queries[0]!));
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
  });

  it('declines (null) when the storage is not the layout it reads, so the caller asks sqlite-vec', () => {
    const { db, queries, table } = library(50, 384);
    expect(scanBitCodes(db, 'no_such_table', queries[0]!, 5)).toBeNull();
    // Codes of another width than the table's: a blob-size check fails, nothing is misread.
    expect(scanBitCodes(db, table, new Uint8Array(32), 5)).toBeNull();
    // Tables of the expected names whose blobs are another shape (sqlite-vec's own refuse writes).
    db.exec(`
      CREATE TABLE other_chunks (chunk_id INTEGER PRIMARY KEY, size INTEGER, validity BLOB, rowids BLOB);
      CREATE TABLE other_vector_chunks00 (rowid INTEGER PRIMARY KEY, vectors BLOB);
      CREATE TABLE other_metadatachunks00 (rowid INTEGER PRIMARY KEY, data BLOB);
      INSERT INTO other_chunks VALUES (1, 8, x'ff', zeroblob(8));
      INSERT INTO other_vector_chunks00 VALUES (1, zeroblob(8 * 48));
      INSERT INTO other_metadatachunks00 VALUES (1, zeroblob(8 * 8));
    `);
    expect(scanBitCodes(db, 'other', queries[0]!, 5)).toBeNull();
    db.exec(`UPDATE other_chunks SET rowids = zeroblob(64)`);
    expect(scanBitCodes(db, 'other', queries[0]!, 5)).toHaveLength(5);
    db.exec(`UPDATE other_vector_chunks00 SET vectors = zeroblob(8 * 48 - 1)`);
    expect(scanBitCodes(db, 'other', queries[0]!, 5)).toBeNull();
  });
});
