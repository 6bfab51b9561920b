/**
 * The figures BENCHMARKS.md leads with, each found in what one benchmark printed: its value (the
 * `value` group, a number), the detail printed with it (the `detail` group: a spread, a unit),
 * and the goal or the bound it is read against.
 */
export interface Figure {
  bench: string;
  name: string;
  pattern: RegExp;
  unit?: string;
  /** A goal the figure is checked against: at least or at most `value`. */
  goal?: { at: 'least' | 'most'; value: number };
  /** What the figure is measured against, in words, when that is a bound rather than a goal. */
  bound?: string;
  /** Printed only at full size (a named shape or size); the quick run's check skips it. */
  fullRunOnly?: true;
}

const SEARCH_SIZES = [
  ['100,000 × 384-d', '100k × 384'],
  ['100,000 × 768-d', '100k × 768'],
  ['1,000,000 × 384-d', '1M × 384'],
  ['1,000,000 × 768-d', '1M × 768'],
] as const;

export const FIGURES: Figure[] = [
  ...(['llama-1b-q4_0', 'llama-3b-q4_0'] as const).map(
    (shape): Figure => ({
      bench: 'models',
      name: `generation tok/s × bytes per token ÷ measured bandwidth, ${shape}`,
      pattern: new RegExp(`## ${shape}[\\s\\S]*?measured bandwidth: (?<detail>[^=]*)= (?<value>[\\d.]+)`),
      bound: '1: every weight read once per token at the measured bandwidth',
      fullRunOnly: true,
    }),
  ),
  {
    bench: 'models',
    name: 'measured ÷ predicted generation speed, llama-1b-q4_0 (the app’s prediction before any benchmark)',
    pattern: /## llama-1b-q4_0[\s\S]*?predicted vs measured generation: [^,]*, ratio (?<value>[\d.]+)/,
    bound: '1: the prediction is right',
    fullRunOnly: true,
  },
  {
    bench: 'chat',
    name: 'chat path ÷ bare evaluate loop, generation tok/s (llama-1b-q4_0)',
    pattern: /chat path ÷ bare (?<value>[\d.]+) \((?<detail>[^)]*)\)/,
    goal: { at: 'least', value: 0.95 },
  },
  {
    bench: 'chat',
    name: 'time to first token, turn 20 ÷ turn 2 (Qwen3 1.7B shape, real tokenizer)',
    pattern: /time to first token: (?<detail>turn 2 \d+ ms, turn \d+ \d+ ms), ratio (?<value>[\d.]+)/,
    goal: { at: 'most', value: 1.3 },
  },
  {
    bench: 'embedding',
    name: 'embedding path ÷ bare getEmbeddingFor loop (bare time ÷ path time, bge-small shape)',
    pattern: /bare ÷ path (?<value>[\d.]+) \((?<detail>[^)]*)\)/,
    goal: { at: 'least', value: 0.95 },
  },
  {
    bench: 'embedding',
    name: 'embedding path’s arithmetic rate ÷ the engine’s best rate here',
    pattern: /the path runs at (?<detail>[\d.]+ GFLOP\/s)[\s\S]*?path ÷ best (?<value>[\d.]+)/,
    bound: '1: the matrix rate llama.cpp reaches on this machine',
  },
  ...SEARCH_SIZES.map(
    ([printed, short]): Figure => ({
      bench: 'search',
      name: `hybrid search p95 at ${short} (FTS + vector prefilter, fused, top 10 loaded)`,
      pattern: new RegExp(`hybrid at ${printed} [^:]*: (?<detail>p50 [\\d.]+ ms), p95 (?<value>[\\d.]+) ms`),
      unit: 'ms',
      fullRunOnly: true,
      ...(short === '1M × 384' ? { goal: { at: 'most' as const, value: 100 } } : {}),
    }),
  ),
  {
    bench: 'search',
    name: 'FTS alone p95 at 1M chunks',
    pattern: /FTS alone at 1,000,000 × 384-d: (?<detail>p50 [\d.]+ ms), p95 (?<value>[\d.]+) ms/,
    unit: 'ms',
    fullRunOnly: true,
  },
  {
    bench: 'search',
    name: 'binary prefilter recall@10 against exact search, 160 candidates (100k × 384)',
    pattern: /160 candidates \(default\): [^\n]*recall@10 (?<value>[\d.]+)/,
    goal: { at: 'least', value: 0.98 },
  },
  {
    bench: 'scale',
    name: 'indexing a generated 100,000-page tree',
    pattern: /indexed [\d,]+ of [\d,]+ pages [^:]*: (?<value>[\d,]+) files\/s/,
    unit: 'files/s',
  },
  {
    bench: 'scale',
    name: 'peak RSS while indexing 100,000 pages: main process (indexing process)',
    pattern: /peak RSS main (?<value>[\d.]+) MB, indexing process (?<detail>[\d.]+ MB)/,
    unit: 'MB',
  },
  {
    bench: 'scale',
    name: 'resident memory of the services idle (with a 1B model loaded: added)',
    pattern: /services started (?<value>[\d.]+) MB;[\s\S]*?loaded [\d.]+ [KMG]B \((?<detail>\+[\d.]+ [KMG]B)/,
    unit: 'MB',
  },
  {
    bench: 'cli',
    name: '`hearth --help`, cold: the bundle (in brackets: from source through tsx)',
    pattern: /hearth --help: bundle (?<value>\d+) ms \([^)]*\), tsx (?<detail>\d+ ms)/,
    unit: 'ms',
    goal: { at: 'most', value: 300 },
  },
  {
    bench: 'cli',
    name: '`hearth search` on 10,000 pages, cold: the bundle (in brackets: through tsx)',
    pattern: /hearth search \(keyword, [\d,]+ pages\): bundle (?<value>\d+) ms \([^)]*\), tsx (?<detail>\d+ ms)/,
    unit: 'ms',
    goal: { at: 'most', value: 600 },
  },
  {
    bench: 'library',
    name: 'parse + decode + check + chunk ÷ the raw parsers alone',
    pattern: /chunk: [^;]*; ratio (?<value>[\d.]+)/,
    goal: { at: 'least', value: 0.8 },
  },
  {
    bench: 'library',
    name: 'main-thread lag p95 while the indexing process indexes the corpus',
    pattern: /indexing process: [^;]*; main-thread lag p95 (?<value>[\d.]+) ms/,
    unit: 'ms',
    goal: { at: 'most', value: 50 },
  },
  {
    bench: 'library',
    name: 'opening a data folder with a large library.db, on the main thread',
    pattern: /open a data folder with a (?<detail>[\d.]+ GB) library\.db: (?<value>\d+) ms/,
    unit: 'ms',
    goal: { at: 'most', value: 200 },
  },
  {
    bench: 'formats',
    name: 'unchanged rescan ÷ first run, in process',
    pattern: /in process, first run [^;]*; unchanged rescan \d+ ms \((?<value>[\d.]+) % of the first run\)/,
    unit: '%',
  },
  {
    bench: 'gguf-fuzz',
    name: 'mutated model files whose abort would reach the main process',
    pattern: /aborts that would reach the main process: (?<value>\d+)/,
    goal: { at: 'most', value: 0 },
  },
  {
    bench: 'chat-render',
    name: 'frames dropped while an answer streams into a long conversation',
    pattern: /frames: \d+ drawn, \d+ dropped \((?<value>[\d.]+) %\)/,
    unit: '%',
  },
];

/** The figure's value and detail in `output`, or `null` when the output does not have it. */
export function readFigure(figure: Figure, output: string): { value: number; text: string; detail: string } | null {
  const match = figure.pattern.exec(output);
  if (!match?.groups?.['value']) return null;
  const text = match.groups['value'];
  return { value: Number(text.replaceAll(',', '')), text, detail: match.groups['detail']?.trim() ?? '' };
}

/** Whether a value meets its figure's goal; `null` when the figure has none. */
export function meetsGoal(figure: Figure, value: number): boolean | null {
  if (!figure.goal) return null;
  return figure.goal.at === 'least' ? value >= figure.goal.value : value <= figure.goal.value;
}
