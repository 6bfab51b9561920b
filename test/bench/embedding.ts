/**
 * `npm run bench -- embedding [--pairs N] [--chunks N]`
 *
 * The embedding path against the engine, at bge-small's size (a llama-architecture stand-in with
 * its layers and width, and bge-small's real WordPiece vocabulary, so chunks are as many tokens as
 * for the real model; native-models/fixtures/shapes.ts), same model and threads:
 * 1. the app's embedder (`embedDocuments`: prefixes, fitting to the context, unit length, the
 *    model lease) against a bare loop of node-llama-cpp's `getEmbeddingFor` over the same texts:
 *    bare ÷ path time, the median of N interleaved pairs (default 5; goal ≥ 0.95);
 * 2. the arithmetic rate the path runs at (GFLOP/s, counted from the shape: 2 operations per weight
 *    per token, and 4 × width per (query, key) pair per layer, keys padded to 256 as llama.cpp
 *    does), beside the engine's own best rate on this machine: one sequence of 128 to 2,048 tokens
 *    at once, the best width. A 254-token chunk already runs the cores near that rate, which is
 *    why batching chunks cannot gain much on a CPU (the old "≥ 3× batched" goal).
 * Prints numbers; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { SHAPES } from '../../native-models/fixtures/shapes';
import { CORPUS } from '../helpers/corpus';
import { benchServices } from './bench-services';
import { describeRatio, interleaved, median } from './pairs';

const { values } = parseArgs({
  options: { pairs: { type: 'string', default: '5' }, chunks: { type: 'string', default: '16' } },
});
const pairs = Number(values.pairs);
const chunkCount = Number(values.chunks);
const CHUNK_TOKENS = 254;

const threads = availableParallelism();
const bench = benchServices('embedding', threads);
const { services } = bench;
try {
  const info = await services.models.import(fixtureModel('bge-small-real-tokenizer'), 'reference');
  await services.models.setSettings(info.id, { threads });
  await services.models.load(info.id);
  const spec = services.embedder.current()!;
  const shape = SHAPES['bge-small-real-tokenizer'];
  const kvWidth = (shape.embedding * shape.kvHeads) / shape.heads;
  const weights =
    shape.layers * (2 * shape.embedding ** 2 + 2 * shape.embedding * kvWidth + 3 * shape.embedding * shape.feedForward);
  const operations = (length: number) =>
    length * 2 * weights + length * Math.ceil(length / 256) * 256 * 4 * shape.embedding * shape.layers;

  await services.models.withModel(info.id, 'embedding', async ({ model }) => {
    // Chunks of the committed tldr pages, each CHUNK_TOKENS of this model's tokens, as text.
    const corpus = readdirSync(join(CORPUS, 'tldr/pages/common'))
      .sort()
      .map((name) => readFileSync(join(CORPUS, 'tldr/pages/common', name), 'utf8'))
      .join('\n');
    const tokens = model.tokenize(corpus);
    const pieces = Array.from({ length: chunkCount }, (_, i) => tokens.slice(i * CHUNK_TOKENS, (i + 1) * CHUNK_TOKENS));
    const texts = pieces.map((piece) => model.detokenize(piece));
    const counted = texts.map((text) => model.tokenize(text).length);
    const arithmetic = counted.reduce((sum, length) => sum + operations(length), 0);
    const context = await model.createEmbeddingContext({
      contextSize: Math.min(info.metadata.contextLength || 512, 2048),
      threads,
    });
    try {
      const timed = async (work: () => Promise<unknown>) => {
        const started = performance.now();
        await work();
        return (performance.now() - started) / 1000;
      };
      const bare = () =>
        timed(async () => {
          for (const text of texts) await context.getEmbeddingFor(model.tokenize(text));
        });
      const path = () => timed(() => services.embedder.embedDocuments(spec, texts));
      // Both warmed once: the first call of each builds its context.
      await bare();
      await path();
      const measured = await interleaved(pairs, bare, path);
      console.log(
        `embedding ${chunkCount} chunks of ~${Math.round(median(counted))} tokens at bge-small size, ${threads} threads: ` +
          `path ${(median(measured.b) * 1000).toFixed(0)} ms, bare getEmbeddingFor loop ${(median(measured.a) * 1000).toFixed(0)} ms; ` +
          `bare ÷ path ${describeRatio(measured.ratios, 3)} (goal ≥ 0.95)`,
      );
      // The engine's best rate here: one sequence of W tokens at once, for W from 128 up to every
      // chunk's tokens, best of three each. Wider runs the matrix products at full width; past a few
      // hundred tokens attention (quadratic in W, and slower per operation than the products) pulls
      // the rate down again, so the best width is in between.
      const all = pieces.flat().slice(0, Math.min(pieces.flat().length, 2048));
      const widths = [128, 256, 512, 1024, 2048].filter((width) => width <= all.length);
      await context.dispose();
      const rates: Array<[width: number, rate: number]> = [];
      for (const width of widths) {
        const tokens = all.slice(0, width);
        const wide = await model.createEmbeddingContext({ contextSize: width + 64, threads });
        try {
          await wide.getEmbeddingFor(tokens.slice(0, 64));
          let best = Infinity;
          for (let round = 0; round < 3; round++)
            best = Math.min(best, await timed(() => wide.getEmbeddingFor(tokens)));
          rates.push([width, operations(width) / best / 1e9]);
        } finally {
          await wide.dispose();
        }
      }
      const [bestWidth, bestRate] = rates.reduce((best, rate) => (rate[1] > best[1] ? rate : best));
      const pathRate = arithmetic / median(measured.b) / 1e9;
      console.log(
        `arithmetic: the path runs at ${pathRate.toFixed(1)} GFLOP/s; the engine's best rate on this machine ${bestRate.toFixed(1)} GFLOP/s ` +
          `(${bestWidth} tokens at once; ${rates.map(([width, rate]) => `${width}: ${rate.toFixed(1)}`).join(', ')}); path ÷ best ${(pathRate / bestRate).toFixed(2)}`,
      );
    } finally {
      if (!context.disposed) await context.dispose();
    }
  });
} finally {
  await bench.dispose();
}
