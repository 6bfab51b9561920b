/**
 * Every benchmark by name, with its arguments at full size and at quick size (a smoke run on tiny
 * inputs), and the line it must print. all.ts runs them; test/integration/bench/ runs them quick.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** A benchmark: its name for `npm run bench -- <name>`, and its arguments at full and quick size. */
export interface Bench {
  name: string;
  full: string[];
  quick: string[];
  /** A line each run must print: the figure exists. */
  prints: RegExp;
}

export const BENCHES: Bench[] = [
  {
    name: 'models',
    full: ['llama-1b-q4_0', 'llama-3b-q4_0', '--threads', String(availableParallelism())],
    quick: ['tiny-chat', '--threads', '1', '--prompt', '16', '--generate', '8'],
    prints: /bytes per token ÷ measured bandwidth: .*\(bound 1\)/,
  },
  {
    name: 'chat',
    full: [],
    quick: [
      '--shape',
      'tiny-chat',
      '--turns-shape',
      'tiny-qwen3-tokenizer',
      '--threads',
      '1',
      '--generate',
      '8',
      '--turns',
      '3',
      '--pairs',
      '1',
      '--tiny-tokens',
      '16',
    ],
    prints: /chat path ÷ bare .*time to first token: turn 2/s,
  },
  { name: 'embedding', full: [], quick: ['--pairs', '1', '--chunks', '2'], prints: /bare ÷ path .*GFLOP\/s/s },
  {
    name: 'search',
    full: ['--vectors', '100000,1000000', '--dimensions', '384,768'],
    quick: ['--vectors', '2000', '--dimensions', '64', '--queries', '3'],
    prints: /recall@10/,
  },
  { name: 'cli', full: [], quick: ['--docs', '50', '--runs', '1'], prints: /hearth search .*tsx ÷ bundle/s },
  {
    name: 'scale',
    full: [],
    quick: ['--files', '200', '--model', 'tiny-chat'],
    prints: /files\/s; peak RSS main .*resident memory/s,
  },
  {
    name: 'formats',
    full: [],
    quick: ['--corpus', join(root, 'test/fixtures/corpus/formats'), '--files', '40'],
    prints: /type +files +indexed/,
  },
  { name: 'ocr', full: [], quick: [], prints: /page conf/ },
  { name: 'gguf-fuzz', full: [], quick: ['--mutants', '20'], prints: /aborts that would reach the main process: \d+/ },
  { name: 'chat-render', full: [], quick: ['--messages', '50', '--tokens', '20'], prints: /React commits: \d+/ },
  {
    name: 'library',
    full: [],
    quick: ['--corpus', join(root, 'test/fixtures/corpus'), '--library-gb', '0.01', '--rounds', '1'],
    prints: /main-thread lag/,
  },
];

/** Runs one benchmark to its end and returns what it printed; throws with its output if it failed. */
export function runBench(bench: Bench, quick: boolean): string {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/bench/index.ts',
      ...(bench.name === 'models' ? [] : [bench.name]),
      ...(quick ? bench.quick : bench.full),
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const output = `${run.stdout}${run.stderr ? `\n${run.stderr}` : ''}`.trim();
  if (run.status !== 0) throw new Error(`bench ${bench.name} exited ${run.status}:\n${output}`);
  if (!bench.prints.test(output)) throw new Error(`bench ${bench.name} did not print its figures:\n${output}`);
  return `${output}\n(${bench.name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`;
}
