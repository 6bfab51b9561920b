/**
 * BENCHMARKS.md from one run of `npm run bench -- all`: the machine, a table of the figures that
 * matter (figures.ts) with their goals or bounds, then each benchmark with what it measures, what
 * its ratios mean, what bounds them, why a figure sits where it does and what would move it, and
 * what it printed. The text here is the reading; the numbers all come from the run.
 */
import type { BenchRun } from './all';
import { FIGURES, meetsGoal, readFigure } from './figures';

/** What each benchmark measures and how to read it, by name (suite.ts). */
const ABOUT: Record<string, { title: string; text: string }> = {
  models: {
    title: 'Model speed: the weights against the memory bus',
    text: `Realistic-shape GGUF files (Llama 3.2 1B and a 3B, Q4_0, random weights: the cost per token of
the real model) are validated, loaded and run at 1..N threads: prompt and generation tokens/s, time
to first token, peak memory, and the speed the app predicts before any benchmark beside the speed
measured.

**Bound.** Generating one token reads every weight once (the token-embedding table aside: one row
of it), so tokens/s × bytes per token cannot pass the machine's read bandwidth: that product ÷ the
bandwidth, measured beside each model (best of three readings; a reading on a shared machine is
only ever too low), is the share of the memory bus generation uses, and 1 is the wall. **Why they
sit where they do.** The 3B shape reaches the wall, to within the reading's error: its generation
is as fast as this memory can be read. The 1B stays below it because every token also has costs
that do not shrink with the model (building the graph, a thread barrier per operation across 16
layers, sampling over a 128k-token vocabulary), and on a model that reads only 0.7 GB a token they
are a larger share. **What would move them:** a faster memory bus, fewer bytes per weight (a
smaller quantization), or a GPU (llama.cpp offloads layers to Vulkan, Metal or CUDA where the app
finds one), whose memory is many times faster. The app's prediction before any benchmark is
cautious here (measured ÷ predicted above 1); once one model is benchmarked, the others'
predictions are calibrated by it (the last table).`,
  },
  chat: {
    title: 'The chat path against the engine',
    text: `1. Generation tokens/s through \`chat.send\` (history, template, streaming events, periodic saves)
   against a bare node-llama-cpp evaluate loop on the same model and threads, greedy: the median of
   interleaved pairs with its spread. **Bound:** 1, the engine alone. What the path adds per token is
   JavaScript on the main thread (node-llama-cpp's \`LlamaChat\` detokenizing and checking stop
   triggers, Hearth's callbacks); with llama.cpp's threads on every core, that work takes a core
   from them, and their spin barriers make each stolen millisecond count for a whole token. The
   streaming saves used to add ~0.3 ms a token (every 250 ms a commit that waited for the disk,
   then the whole message read back); they are now written without waiting, and the answer's final
   save makes them durable. The spread is this shared machine's: single pairs range over ±10 %.
2. Time to first token of turn 20 ÷ turn 2 of one conversation, on Qwen3 1.7B's shape with Qwen3's
   real tokenizer and chat template: a follow-up evaluates only its new tokens (the tokens evaluated
   per turn are printed). **Bound:** 1, a follow-up costing the same however long the conversation;
   what remains above it is attention over a longer cache, linear in the conversation's length.
3. The chat path's per-token cost over the bare loop on a tiny model, where the model costs nothing.`,
  },
  embedding: {
    title: 'Embedding: the app’s path against the engine and the arithmetic',
    text: `The app's embedder (\`embedDocuments\`: prefixes, fitting to the context, unit length, the model
lease) against a bare \`getEmbeddingFor\` loop over the same chunks (bare time ÷ path time: 1 means the
path adds nothing), on bge-small's shape with bert-base-uncased's real WordPiece vocabulary, so a
chunk is as many tokens as for the real model. Both as arithmetic rates (2 operations per weight per
token, plus attention), beside the engine's own best rate on this machine (one sequence of 128 to
2,048 tokens at once, the best width): the matrix rate. **Bound:** that rate, and the path reaches
it (a ratio a little over 1 is this machine's noise: the widths are measured one after another, and
single readings move by ±10 %). A 254-token chunk already keeps the cores at that rate, which is why
batching chunks cannot gain on a CPU (node-llama-cpp 3.21 embeds one sequence per call in any
case); on a GPU it would.`,
  },
  search: {
    title: 'Search at 100k and 1M chunks',
    text: `Generated chunks of ~80 words with English-like word frequencies, each with a clustered unit
vector (384-d, bge-small's width, and 768-d), stored through the app's own write path. Per query:
FTS alone, the vector prefilter alone, hybrid (both, fused by rank, the top 10 chunks loaded),
p50 and p95; the query's embedding is the model's cost and not counted. Up to 200k chunks also the
exact float search and the prefilter's recall@10 against it.

**How the vector side works.** Each vector is also stored as a bit code (one bit per dimension).
A search scans every code for the nearest by Hamming distance with POPCNT (a WebAssembly kernel
over the codes held in memory, read again only when the library changed), picks the nearest 160 by
a histogram of distances, and rescores those with their float vectors. sqlite-vec's own KNN over
the same codes selects with k passes per chunk of 1,024 rows, which cost 180 ms at 1M rows; this
scan is linear in rows alone. **Bound:** reading the codes once, 48 MB at 1M × 384-d (96 MB at
768-d), a few milliseconds of memory bandwidth; the scan's arithmetic and the histogram loop are
the rest. The first search after the library changes reads the codes from SQLite (printed apart).
**FTS** scores every chunk that holds a query word (bm25), so its cost follows how many chunks
match: words of middling frequency are in tens of thousands of chunks at 1M. A search scoped to
some collections checks each match's collection through a covering index. **Growth:** ×10 rows
costs at most ×10 time (FTS, whose matches grow with the rows) and less on the vector side, where
at 100k the rescoring's fixed cost is most of it: nothing here grows faster than linearly. What
would close the rest: an
index that skips most rows (IVF partitions for the codes; for FTS, a top-k that stops early, which
SQLite's bm25 does not).`,
  },
  cli: {
    title: 'The `hearth` command’s cold start',
    text: `\`hearth\` from a checkout, the esbuild bundle \`npm install\` builds against the TypeScript run
through tsx (in brackets in the table), median of interleaved pairs: \`--help\`, and a keyword search
on 10,000 generated pages. **Bound:** Node's own start-up (~40 ms here) plus opening the
databases; heavy modules (node-llama-cpp, parsers) load only when a command needs them.`,
  },
  scale: {
    title: 'Scale: a 100,000-file tree, and memory',
    text: `Indexes a generated tree of 100,000 Markdown pages through the indexing process, and measures
resident memory: Node alone, the services started, after indexing, and with a 1B-shape model
loaded. **Growth:** each file is the same work (read, chunk, write in batches), and SQLite's
B-trees and FTS segments deepen only logarithmically with the rows, so files/s falls slowly, not in
proportion, as the tree grows; the peak RSS of both processes is the batch and SQLite's page cache,
not the tree. A loaded model adds its mapped file plus its context and compute buffers. What would
move files/s: the indexing process is one thread (SQLite has one writer); reading and chunking on a
second thread while the first writes would use the second core.`,
  },
  formats: {
    title: 'Formats: every type of file, judged',
    text: `The library on a folder of every supported type, through \`hearth index\` as it ships and in
process: per type, files indexed and skipped by reason; every indexed text judged by an outside
judge (replacement and control characters, mojibake, markup, base64); an unchanged rescan's time
against the first run's and how many files it read again (goal: none); the slowest files by stage.
**Bound** of a rescan: a \`stat\` per file; through the command, most of it is the command starting.`,
  },
  ocr: {
    title: 'OCR confidence',
    text: `Tesseract's page and word confidences on generated pictures with text and without, and what the
thresholds in \`parsers/ocr.ts\` index of each: every picture with text gives its text, every
picture without gives none. A quality check more than a speed: it has no ratio.`,
  },
  'gguf-fuzz': {
    title: 'Malformed model files',
    text: `Seeded mutations of a model file's header (truncations, overwritten bytes and words across the
metadata and the tokenizer arrays), each played as the app would: Hearth's checks, the first
opening in a child process, then a full load and a few tokens. **Goal:** no mutation that could
abort the main process.`,
  },
  'chat-render': {
    title: 'Rendering a streaming answer',
    text: `A long conversation in the real renderer (Chromium) while an answer streams: React commits and
components rendered per token (the answer alone should re-render), frames drawn and dropped.`,
  },
  library: {
    title: 'Library: parsing, indexing lag, opening',
    text: `On the shared corpus (or the committed one, and it says so): parse + decode + quality check +
chunk against the raw parsers alone (**bound** 1: the parsers are the work), the main thread's
event-loop lag while the indexing process indexes the corpus (the window stays responsive), opening
a data folder with a large \`library.db\`, and indexing with embedding at bge-small's size.`,
  },
};

export function renderReport(run: BenchRun): string {
  const output = (name: string) => run.outputs.find((entry) => entry.name === name)?.output ?? '';
  // The models benchmark reads the bandwidth at its start and beside each model: the best reading.
  const readings = [...output('models').matchAll(/(?:memory read|÷) ([\d.]+) GB\/s/g)].map((match) => Number(match[1]));
  const bandwidth = readings.length ? Math.max(...readings).toFixed(1) : null;
  const matrix = /the engine's best rate on this machine ([\d.]+) GFLOP\/s \((\d+) tokens at once/.exec(
    output('embedding'),
  );
  const { machine } = run;
  const rows = FIGURES.map((figure) => {
    const found = readFigure(figure, output(figure.bench));
    const measured = found
      ? `${found.text}${figure.unit ? ` ${figure.unit}` : ''}${found.detail ? ` (${found.detail})` : ''}`
      : 'not printed';
    const against = figure.goal
      ? `goal ${figure.goal.at === 'least' ? '≥' : '≤'} ${figure.goal.value}${figure.unit ? ` ${figure.unit}` : ''}`
      : (figure.bound ?? '—');
    const met = found ? meetsGoal(figure, found.value) : null;
    return `| ${figure.name} | ${measured} | ${against} | ${met === null ? '' : met ? 'met' : '**missed**'} |`;
  });
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench -- all\` on ${run.date}, in ${Math.round(run.seconds / 60)} minutes: every figure on this`,
    'page is from that one run, on the machine below. Each benchmark runs in a process of its own and',
    'prints numbers; none asserts a time. Read the ratios, not the absolute times: this is a shared',
    'two-core virtual machine, where the same work can take 10 % more or less from one minute to the',
    'next. A ratio of two paths is the median of interleaved pairs (A, B, A, B …), its spread in',
    'brackets.',
    '',
    '## The machine',
    '',
    `- ${machine.cpuModel}: ${machine.physicalCores} physical cores (${machine.logicalCores} logical)`,
    `- ${(machine.totalMemory / 1024 ** 3).toFixed(1)} GiB of memory`,
    `- memory read bandwidth, measured: ${bandwidth ?? (machine.bandwidth / 1e9).toFixed(1)} GB/s (the models benchmark's best reading, measured as the app does)`,
    `- matrix rate, measured: ${matrix ? `${matrix[1]} GFLOP/s (llama.cpp's best, evaluating ${matrix[2]} tokens of the bge-small shape at once)` : 'not printed'}`,
    '',
    '## The figures',
    '',
    '| figure | measured | goal or bound | |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    ...run.outputs.flatMap((entry) => {
      const about = ABOUT[entry.name];
      const command = `npm run bench --${entry.name === 'models' ? '' : ` ${entry.name}`}${entry.args.length ? ` ${entry.args.join(' ')}` : ''}`;
      return [
        `## ${about?.title ?? entry.name}`,
        '',
        ...(about ? [about.text, ''] : []),
        `\`${command}\``,
        '',
        '```',
        entry.output,
        '```',
        '',
      ];
    }),
  ];
  return `${lines.join('\n')}\n`;
}
