import { afterEach, describe, expect, it } from 'vitest';
import { createCollection } from '../../../../electron/services/library/collection-writes';
import { exactVectorSearch, vectorSearch } from '../../../../electron/services/library/reads/vector-search';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { clusteredVectors, storeVectors } from '../../../helpers/synthetic-vectors';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

describe('vector search', () => {
  it('finds ≥ 98 % of the exact top 10 through the binary prefilter, on 10k tightly clustered 384-d vectors', () => {
    store = openStore({ dataDir: tempDir() });
    const db = store.library;
    const collection = createCollection(db, 'c');
    // Five points per subtopic: the hardest shape measured, where a query's 6th to 10th neighbours
    // are in other subtopics at nearly equal distances.
    const shape = { dimensions: 384, seed: 7, perSubtopic: 5, perTopic: 50 };
    const vectors = clusteredVectors({ count: 10_000, ...shape });
    const { embedder } = storeVectors(db, vectors, { collections: [collection] });
    const queries = clusteredVectors({ count: 10_050, ...shape }).slice(10_000);

    let found = 0;
    for (const query of queries) {
      const exact = new Set(exactVectorSearch(db, embedder.id, query, 10).map((hit) => hit.chunkId));
      const fast = vectorSearch(db, embedder.id, query, { limit: 10 });
      expect(fast).toHaveLength(10);
      found += fast.filter((hit) => exact.has(hit.chunkId)).length;
    }
    const recall = found / (queries.length * 10);
    console.log(`binary prefilter recall@10 vs exact on 10k × 384-d: ${recall.toFixed(3)}`);
    expect(recall).toBeGreaterThanOrEqual(0.98);

    // Without oversampling, the codes alone are far worse: the rescoring is doing the work.
    let coarse = 0;
    for (const query of queries) {
      const exact = new Set(exactVectorSearch(db, embedder.id, query, 10).map((hit) => hit.chunkId));
      coarse += vectorSearch(db, embedder.id, query, { limit: 10, candidates: 10 }).filter((hit) =>
        exact.has(hit.chunkId),
      ).length;
    }
    expect(coarse / (queries.length * 10)).toBeLessThan(0.9);
  });

  it('keeps to the collections in scope during the scan, and returns distances in order', () => {
    store = openStore({ dataDir: tempDir() });
    const db = store.library;
    const [a, b] = [createCollection(db, 'a'), createCollection(db, 'b')];
    const vectors = clusteredVectors({ count: 400, dimensions: 64, seed: 3 });
    const { embedder, chunkIds } = storeVectors(db, vectors, { collections: [a, b] });
    const inB = new Set(chunkIds.filter((_, i) => i % 2 === 1));

    // The query is a vector of collection a: unscoped, it is its own nearest neighbour.
    expect(vectorSearch(db, embedder.id, vectors[0]!, { limit: 1 })[0]).toMatchObject({ chunkId: chunkIds[0] });
    const scoped = vectorSearch(db, embedder.id, vectors[0]!, { limit: 20, collectionIds: [b] });
    expect(scoped).toHaveLength(20);
    expect(scoped.every((hit) => inB.has(hit.chunkId))).toBe(true);
    const distances = scoped.map((hit) => hit.distance);
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
    expect(vectorSearch(db, embedder.id, vectors[0]!, { limit: 5, collectionIds: [] })).toEqual([]);
  });
});
