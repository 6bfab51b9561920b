/**
 * What the model probe (probe-worker.ts, a child process) is asked and answers. A request at a
 * time; the probe may serve many (the fuzz benchmark) or one (an import).
 */
export interface ProbeRequest {
  id: number;
  path: string;
  /**
   * `vocabulary`: load the vocabulary only, then tokenize and detokenize a text with special
   * tokens, as every chat does first. `generate`: load the whole model on the CPU and generate a
   * few tokens (the benchmark's check that what passed would also run).
   */
  mode: 'vocabulary' | 'generate';
}

export type ProbeReply = { id: number; ok: true; tokens: number } | { id: number; ok: false; message: string };
