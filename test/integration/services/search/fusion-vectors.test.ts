import { afterEach, describe, expect, it } from 'vitest';
import { registerEmbedder, writeVectors } from '../../../../electron/services/library/embedders';
import { createCollection } from '../../../../electron/services/library/collection-writes';
import { LibraryIndex } from '../../../../electron/services/library/reads';
import { SearchService } from '../../../../electron/services/search/search-service';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { unit } from '../../../helpers/synthetic-vectors';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

/**
 * Hybrid search over chunks whose text and vectors are constructed, so each retriever's ranking is
 * known in advance: the fused order must be weighted RRF of the two, through the real FTS5 and
 * sqlite-vec tables and the service's own query path.
 */
function library() {
  store = openStore({ dataDir: tempDir() });
  const db = store.library;
  const collection = createCollection(db, 'c');
  // Keyword ranking for "lighthouse": a (three mentions) > b (two) > c (one); d never says it.
  const texts = {
    a: 'lighthouse lighthouse lighthouse keeper',
    b: 'lighthouse lighthouse on the coast',
    c: 'a lighthouse far away over the bay',
    d: 'the sea and its weather',
  };
  // Vector ranking for the query [1, 0, 0, 0]: d (same direction) > c > b > a.
  const vectors = {
    a: unit(Float32Array.from([0.1, 1, 0, 0])),
    b: unit(Float32Array.from([0.5, 1, 0, 0])),
    c: unit(Float32Array.from([1, 0.5, 0, 0])),
    d: unit(Float32Array.from([1, 0, 0, 0])),
  };
  const ids: Record<string, number> = {};
  const insertDocument = db.prepare(
    `INSERT INTO documents (collection_id, path, size, mtime_ms, type, status) VALUES (?, ?, 1, 1, 'text', 'indexed')`,
  );
  const insertChunk = db.prepare(
    `INSERT INTO chunks (document_id, ordinal, text, line_start, line_end, char_start, char_end, tokens)
     VALUES (?, 0, ?, 1, 1, 0, ?, 4)`,
  );
  for (const [name, text] of Object.entries(texts)) {
    const document = Number(insertDocument.run(collection, `/notes/${name}.txt`).lastInsertRowid);
    ids[name] = Number(insertChunk.run(document, text, text.length).lastInsertRowid);
  }
  const embedder = registerEmbedder(db, { key: 'constructed:1', name: 'constructed', dimensions: 4 });
  writeVectors(
    db,
    embedder.id,
    Object.entries(vectors).map(([name, vector]) => ({ chunkId: ids[name]!, vector })),
  );
  const search = new SearchService({
    index: new LibraryIndex(db),
    embedder: {
      currentKey: () => embedder.key,
      installed: () => true,
      embed: () => Promise.resolve(unit(Float32Array.from([1, 0, 0, 0]))),
    },
  });
  const order = async (mode: 'keyword' | 'vector' | 'hybrid', weights?: { keyword: number; vector: number }) =>
    (await search.search({ query: 'lighthouse', mode, weights })).hits.map((hit) => hit.relativePath);
  return { order };
}

describe('hybrid fusion on constructed vectors', () => {
  it('ranks by each retriever alone, then fuses their ranks by weight', async () => {
    const { order } = library();
    expect(await order('keyword')).toEqual(['/notes/a.txt', '/notes/b.txt', '/notes/c.txt']);
    expect(await order('vector')).toEqual(['/notes/d.txt', '/notes/c.txt', '/notes/b.txt', '/notes/a.txt']);
    // Equal weights: a (keyword 1, vector 4) scores 1/61 + 1/64 and edges out b (2, 3) and c
    // (3, 2), tied at 1/62 + 1/63 (the tie keeps keyword order); d, found by vectors alone, is last.
    expect(await order('hybrid', { keyword: 1, vector: 1 })).toEqual([
      '/notes/a.txt',
      '/notes/b.txt',
      '/notes/c.txt',
      '/notes/d.txt',
    ]);
    // Keywords weighed far more: the keyword order, with d (vector only) last.
    expect(await order('hybrid', { keyword: 1, vector: 0.1 })).toEqual([
      '/notes/a.txt',
      '/notes/b.txt',
      '/notes/c.txt',
      '/notes/d.txt',
    ]);
    // Vectors weighed far more: the vector order among chunks both retrievers found (c, b, a);
    // d, top for vectors but missing from the keyword list, still comes last (1/61 against
    // 0.1/61 + 1/64 for a): agreement counts in RRF.
    expect(await order('hybrid', { keyword: 0.1, vector: 1 })).toEqual([
      '/notes/c.txt',
      '/notes/b.txt',
      '/notes/a.txt',
      '/notes/d.txt',
    ]);
  });
});
