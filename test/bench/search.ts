/**
 * `npm run bench -- search [--vectors N] [--dimensions D] [--queries Q]`
 *
 * Vector search on the shipped sqlite-vec (no SIMD): the exact float KNN scan against the binary
 * prefilter rescored with floats (what search runs), on N clustered unit vectors (default 100k ×
 * 768, the size the issue quotes ~62 ms for). Prints the median time of each per query, their
 * ratio, and the prefilter's recall@10 against exact, at the default candidate count and a few
 * others. Asserts nothing; compare the ratio, not the absolute times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCollection } from '../../electron/services/library/collection-writes';
import {
  defaultCandidates,
  exactVectorSearch,
  vectorSearch,
} from '../../electron/services/library/reads/vector-search';
import { openStore } from '../../electron/services/store/store';
import { clusteredVectors, storeVectors } from '../helpers/synthetic-vectors';

const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: '100000' },
    dimensions: { type: 'string', default: '768' },
    queries: { type: 'string', default: '50' },
  },
});
const count = Number(values.vectors);
const dimensions = Number(values.dimensions);
const queryCount = Number(values.queries);

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-search-'));
const store = openStore({ dataDir: dir });
try {
  const db = store.library;
  const collection = createCollection(db, 'bench');
  let started = performance.now();
  const all = clusteredVectors({ count: count + queryCount, dimensions, seed: 11 });
  const { embedder } = storeVectors(db, all.slice(0, count), { collections: [collection] });
  const queries = all.slice(count);
  console.log(
    `stored ${count.toLocaleString('en')} × ${dimensions}-d vectors in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // sqlite-vec's own float KNN scan, what a search without the prefilter would run (the table is
  // built for the comparison only; Hearth stores floats in a plain table for rescoring by id).
  db.exec(`CREATE VIRTUAL TABLE bench_floats USING vec0(embedding float[${dimensions}] distance_metric=cosine)`);
  const insertFloat = db.prepare('INSERT INTO bench_floats (rowid, embedding) VALUES (?, ?)');
  db.transaction(() => all.slice(0, count).forEach((vector, i) => insertFloat.run(BigInt(i + 1), vector)))();
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  const exactTimes: number[] = [];
  const exactTop = queries.map((query) => {
    started = performance.now();
    const hits = exactVectorSearch(db, embedder.id, query, 10);
    exactTimes.push(performance.now() - started);
    return new Set(hits.map((hit) => hit.chunkId));
  });
  const exactMs = median(exactTimes);
  console.log(`exact, plain-table scan (k = 10): ${exactMs.toFixed(1)} ms per query (median of ${queries.length})`);
  const vec0Times = queries.map((query) => {
    started = performance.now();
    db.prepare('SELECT rowid FROM bench_floats WHERE embedding MATCH ? AND k = 10').all(query);
    return performance.now() - started;
  });
  const vec0Ms = median(vec0Times);
  console.log(`exact, sqlite-vec float KNN (k = 10): ${vec0Ms.toFixed(1)} ms per query`);

  for (const candidates of [80, defaultCandidates(10), 320, 640]) {
    const times: number[] = [];
    let found = 0;
    queries.forEach((query, i) => {
      started = performance.now();
      const hits = vectorSearch(db, embedder.id, query, { limit: 10, candidates });
      times.push(performance.now() - started);
      found += hits.filter((hit) => exactTop[i]!.has(hit.chunkId)).length;
    });
    const ms = median(times);
    const label = candidates === defaultCandidates(10) ? ' (default)' : '';
    console.log(
      `binary prefilter, ${candidates} candidates${label}: ${ms.toFixed(1)} ms per query, ` +
        `${(vec0Ms / ms).toFixed(1)}× faster than sqlite-vec's float KNN, recall@10 ${(found / (queries.length * 10)).toFixed(3)}`,
    );
  }
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
