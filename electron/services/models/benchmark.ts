import type { LlamaModel, Token } from 'node-llama-cpp';
import type { BenchmarkProgress, BenchmarkRun } from '../../ipc/contract';

export interface BenchmarkOptions {
  /** Thread counts to try, in order. */
  threads: number[];
  /** Tokens of prompt to process per run. Defaults to 128. */
  promptTokens?: number;
  /** Tokens to generate per run. Defaults to 32. */
  generateTokens?: number;
  signal?: AbortSignal;
  onProgress?: (progress: BenchmarkProgress) => void;
}

/** Plain prose, tokenized and repeated to the prompt length: a realistic token mix, not one token. */
const SAMPLE_TEXT =
  'The quick brown fox jumps over the lazy dog. Hearth answers questions about your own files, ' +
  'citing the page and passage each answer comes from, without sending anything anywhere. ';

/**
 * Measures a model on this machine for each thread count: prompt processing speed, generation
 * speed, time to first token and peak process memory. Each run gets a fresh context so runs do not
 * share a KV cache. Sampling is greedy so runs do the same work.
 */
export async function benchmarkModel(model: LlamaModel, options: BenchmarkOptions): Promise<BenchmarkRun[]> {
  const promptLength = options.promptTokens ?? 128;
  const generateLength = options.generateTokens ?? 32;
  const prompt = promptTokensFor(model, promptLength);
  const runs: BenchmarkRun[] = [];

  for (const threads of options.threads) {
    options.signal?.throwIfAborted();
    const memory = new PeakMemory();
    const context = await model.createContext({
      contextSize: promptLength + generateLength + 64,
      batchSize: promptLength,
      threads,
      sequences: 1,
    });
    try {
      const sequence = context.getSequence();
      options.onProgress?.({ threads, step: 'prompt', done: 0 });
      const started = performance.now();
      let firstTokenAt = 0;
      let generated = 0;
      for await (const _token of sequence.evaluate(prompt, { temperature: 0 })) {
        generated++;
        if (generated === 1) {
          firstTokenAt = performance.now();
          options.onProgress?.({ threads, step: 'generate', done: 0 });
        }
        memory.sample();
        if (generated >= generateLength || options.signal?.aborted) break;
      }
      options.signal?.throwIfAborted();
      const finished = performance.now();
      const promptSeconds = (firstTokenAt - started) / 1000;
      const generateSeconds = (finished - firstTokenAt) / 1000;
      runs.push({
        threads,
        promptTokens: prompt.length,
        promptTokensPerSecond: promptSeconds > 0 ? prompt.length / promptSeconds : 0,
        generatedTokens: generated,
        // The first token's time is part of prompt processing; the rest is pure generation.
        generationTokensPerSecond: generateSeconds > 0 ? (generated - 1) / generateSeconds : 0,
        timeToFirstTokenMs: firstTokenAt - started,
        peakMemoryBytes: memory.peak,
      });
      options.onProgress?.({ threads, step: 'generate', done: 1 });
    } finally {
      memory.stop();
      await context.dispose();
    }
  }
  return runs;
}

/** The thread count with the best generation speed (ties go to fewer threads). */
export function recommendThreads(runs: readonly BenchmarkRun[]): number {
  let best = runs[0];
  for (const run of runs) {
    if (best && run.generationTokensPerSecond > best.generationTokensPerSecond * 1.02) best = run;
  }
  return best?.threads ?? 1;
}

function promptTokensFor(model: LlamaModel, length: number): Token[] {
  const sample = model.tokenize(SAMPLE_TEXT);
  const tokens: Token[] = [];
  while (tokens.length < length) tokens.push(...sample);
  return tokens.slice(0, length);
}

/** Resident memory of the process, sampled while a run works (llama.cpp's buffers are native). */
class PeakMemory {
  peak = process.memoryUsage.rss();
  readonly #timer = setInterval(() => this.sample(), 25);

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  stop(): void {
    clearInterval(this.#timer);
    this.sample();
  }
}

/** Seconds a user will wait for a full context to be read in before the first answer. */
const PROMPT_BUDGET_SECONDS = 20;
const MIN_CONTEXT = 512;

/**
 * Context sizes to recommend, largest first: powers of two from the trained length down to 512,
 * keeping only those the best measured prompt speed fills within the budget.
 */
export function contextCandidates(runs: readonly BenchmarkRun[], trainedContext: number): number[] {
  const fastest = Math.max(...runs.map((run) => run.promptTokensPerSecond));
  const affordable = Math.max(MIN_CONTEXT, fastest * PROMPT_BUDGET_SECONDS);
  const candidates: number[] = [];
  for (let size = 1 << 20; size >= MIN_CONTEXT; size /= 2) {
    if (size <= (trainedContext || 4096) && size <= affordable) candidates.push(size);
  }
  return candidates.length ? candidates : [MIN_CONTEXT];
}
