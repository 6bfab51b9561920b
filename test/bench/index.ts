/**
 * `npm run bench [-- <name> | shape ...]`: a benchmark by name, else the models benchmark (run.ts)
 * on the shapes given. `all` runs every one (all.ts); `all --quick`, or `--quick` alone, runs every
 * one on tiny inputs.
 */
const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  /** Parsing, indexing lag, opening a large library, indexing with embedding. */
  library: () => import('./library'),
  /** The multi-format run and its text judge. */
  formats: () => import('./formats'),
  /** What OCR confidences look like with and without text. */
  ocr: () => import('./ocr'),
  /** Vector, keyword and hybrid search at scale. */
  search: () => import('./search'),
  /** Indexing a 100k-file tree, and the services' memory. */
  scale: () => import('./scale'),
  /** How fast the `hearth` command starts. */
  cli: () => import('./cli'),
  /** The embedding path against the engine. */
  embedding: () => import('./embedding'),
  /** The chat path's cost, and follow-ups. */
  chat: () => import('./chat'),
  /** The mutation fuzz of model files. */
  'gguf-fuzz': () => import('./gguf-fuzz'),
  /** What the chat screen renders per streamed token. */
  'chat-render': () => {
    // Typechecked with the browser tests (it drives a page); a literal path would pull it in here.
    const browserBench = './chat-render';
    return import(browserBench);
  },
  all: () => import('./all'),
};

const chosen = BENCHMARKS[process.argv[2] ?? ''];
if (chosen) {
  process.argv.splice(2, 1);
  await chosen();
} else if (process.argv[2] === '--quick') {
  await import('./all');
} else {
  await import('./run');
}

export {};
