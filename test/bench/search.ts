/**
 * `npm run bench -- search [--vectors N[,N…]] [--dimensions D[,D…]] [--queries Q] [--exact | --no-exact]`
 *
 * Search on the shipped sqlite-vec (no SIMD) and FTS5, for each size N (default 100k chunks) and
 * width D (default 768) given, on generated text (seeded words with English-like frequencies)
 * each with a clustered D-d unit vector:
 * 1. p50 and p95 per query of what a search runs in the library: FTS alone, the vector prefilter
 *    alone (its first search after a change, which reads the codes into memory, apart), and
 *    hybrid (both, fused by rank, the top 10 chunks loaded). The query's embedding is the
 *    model's cost and not counted here.
 * 2. the exact float KNN scan against the binary prefilter rescored with floats (what search
 *    runs): median time per query, their ratio, and the prefilter's recall@10 against exact at a
 *    few candidate counts (skipped past 200k chunks, or with --no-exact: the float table doubles
 *    the data).
 * Asserts nothing; compare the ratios, not the absolute times.
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
import { loadChunks } from '../../electron/services/library/reads/chunk-reads';
import { keywordSearch } from '../../electron/services/library/reads/keyword-search';
import { fuseRanks } from '../../electron/services/search/fusion';
import { seededRandom } from '../../native-models/fixtures/random';

const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: '100000' },
    dimensions: { type: 'string', default: '768' },
    queries: { type: 'string', default: '50' },
    exact: { type: 'boolean' },
  },
  allowNegative: true,
});
const numbers = (list: string) => list.split(',').map(Number);
const queryCount = Number(values.queries);

/** Seeded pseudo-words ranked by frequency (Zipf, s = 1.1), as a natural language's are. */
function wordSource(seed: number, vocabulary = 20_000) {
  const random = seededRandom(seed);
  const syllables = [
    'ka',
    'lo',
    'mi',
    're',
    'tu',
    'san',
    'vel',
    'dor',
    'pi',
    'ne',
    'gra',
    'shu',
    'at',
    'em',
    'ix',
    'ob',
  ];
  const words = Array.from({ length: vocabulary }, (_, rank) => {
    let word = '';
    for (let n = rank + 1; n > 0; n = Math.floor(n / 16)) word += syllables[n % 16];
    return word;
  });
  const weights = words.map((_, rank) => 1 / (rank + 1) ** 1.1);
  const cumulative: number[] = [];
  weights.reduce((sum, weight, i) => (cumulative[i] = sum + weight), 0);
  const total = cumulative.at(-1)!;
  const pick = () => {
    const target = random() * total;
    let [low, high] = [0, cumulative.length - 1];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
  return { words, pick, random };
}

function measure(count: number, dimensions: number): void {
  const compareExact = values.exact ?? count <= 200_000;
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-search-'));
  const store = openStore({ dataDir: dir });
  try {
    const db = store.library;
    const collection = createCollection(db, 'bench');
    let started = performance.now();
    const stored = clusteredVectors({ count: count + queryCount, dimensions, seed: 11 });
    const queries = stored.splice(count);
    const source = wordSource(5);
    const { embedder } = storeVectors(db, stored, {
      collections: [collection],
      // About 80 words a chunk, as a 254-token chunk of prose holds.
      text: () => Array.from({ length: 80 }, source.pick).join(' '),
    });
    // Past the exact comparison the vectors are only in the database, as in the app's process.
    if (!compareExact) stored.length = 0;
    console.log(
      `stored ${count.toLocaleString('en')} chunks of ~80 words with ${dimensions}-d vectors in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // Two or three words of middling frequency, as people type them.
    const texts = queries.map(() =>
      Array.from(
        { length: 2 + Math.floor(source.random() * 2) },
        () => source.words[100 + Math.floor(source.random() * 2000)],
      ).join(' '),
    );
    const percentiles = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
      return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
    };
    const timeEach = (work: (i: number) => unknown) =>
      queries.map((_, i) => {
        const began = performance.now();
        work(i);
        return performance.now() - began;
      });
    const candidates = defaultCandidates(10);
    const size = `${count.toLocaleString('en')} × ${dimensions}-d`;
    const firstStarted = performance.now();
    vectorSearch(db, embedder.id, queries[0]!, { limit: 50, candidates });
    console.log(
      `vector prefilter at ${size}, first search after the library changed (reads the codes): ${(performance.now() - firstStarted).toFixed(0)} ms`,
    );
    const keywordTimes = timeEach((i) => keywordSearch(db, texts[i]!, { limit: 50 }));
    const vectorTimes = timeEach((i) => vectorSearch(db, embedder.id, queries[i]!, { limit: 50, candidates }));
    const hybridTimes = timeEach((i) => {
      const keyword = keywordSearch(db, texts[i]!, { limit: 50 });
      const vector = vectorSearch(db, embedder.id, queries[i]!, { limit: 50, candidates });
      const fused = fuseRanks([
        { name: 'keyword', weight: 1, ids: keyword.map((hit) => hit.chunkId) },
        { name: 'vector', weight: 1, ids: vector.map((hit) => hit.chunkId) },
      ]);
      return loadChunks(
        db,
        fused.slice(0, 10).map((item) => item.id),
      );
    });
    console.log(`FTS alone at ${size}: ${percentiles(keywordTimes)} (${queries.length} queries of 2–3 words)`);
    console.log(`vector prefilter alone at ${size}: ${percentiles(vectorTimes)}`);
    console.log(`hybrid at ${size} (FTS + vector, fused, top 10 loaded): ${percentiles(hybridTimes)}`);
    if (compareExact) {
      // sqlite-vec's own float KNN scan, what a search without the prefilter would run (the table is
      // built for the comparison only; Hearth stores floats in a plain table for rescoring by id).
      db.exec(`CREATE VIRTUAL TABLE bench_floats USING vec0(embedding float[${dimensions}] distance_metric=cosine)`);
      const insertFloat = db.prepare('INSERT INTO bench_floats (rowid, embedding) VALUES (?, ?)');
      db.transaction(() => stored.forEach((vector, i) => insertFloat.run(BigInt(i + 1), vector)))();
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
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const count of numbers(values.vectors)) {
  for (const dimensions of numbers(values.dimensions)) measure(count, dimensions);
}
