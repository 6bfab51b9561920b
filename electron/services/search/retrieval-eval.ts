import { HearthError } from '../../ipc/errors';
import type { FileRanking } from './file-ranking';
import type { SearchService, FusionWeights } from './search-service';

/**
 * Retrieval measured at file level on a set of questions, each with the file that answers it:
 * recall@1 and @5 (is the file first, or in the first five distinct files) and MRR@10 (the mean of
 * 1 / its rank, 0 past ten). Run by `hearth eval retrieval`.
 */

export interface EvalQuestion {
  question: string;
  /**
   * The answering file's path within its collection's folder, with `/` separators; several when
   * more than one file answers (`a.md|b.md` in the questions file): any of them counts.
   */
  files: string[];
  /** The line of the questions file it came from, for messages. */
  line: number;
}

/**
 * Modes measured. `plain-fts5` is the baseline: the question passed to FTS5 `MATCH` as typed
 * (implicit AND of every word, syntax errors count as no answer). `keyword`, `vector` and
 * `hybrid` are the search service's own modes, without reranking; `reranked` is hybrid (keyword
 * when there are no vectors) reordered by the installed reranking model.
 */
export type EvalMode = 'plain-fts5' | 'keyword' | 'vector' | 'hybrid' | 'reranked';

export interface ModeScore {
  mode: EvalMode;
  recallAt1: number;
  recallAt5: number;
  mrrAt10: number;
  /** Questions whose file was not in the first ten. */
  missed: number;
}

export interface EvalReport {
  questions: number;
  scores: ModeScore[];
  /** Hybrid at other vector weights (keyword weight 1), when asked for with `sweep`. */
  sweep?: Array<{ weights: FusionWeights; score: ModeScore }>;
}

/**
 * Parses `question<TAB>relative/path` lines (`a.md|b.md`: either file answers); `#` starts a
 * comment line; blank lines are skipped.
 */
export function parseQuestions(tsv: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  tsv.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [question, file, ...extra] = raw.split('\t').map((field) => field.trim());
    if (!question || !file || extra.length > 0) {
      // The line itself is not quoted back: it may be anything (a binary file's bytes).
      throw new HearthError(
        'VALIDATION',
        `Line ${index + 1} of the questions file is not "question<TAB>relative/path/of/the/file".`,
        { line: index + 1 },
      );
    }
    const files = file
      .split('|')
      .map((alternative) => alternative.trim().replaceAll('\\', '/'))
      .filter(Boolean);
    questions.push({ question, files, line: index + 1 });
  });
  return questions;
}

export interface EvaluateOptions {
  collectionIds: number[];
  /** Which modes to run; `vector` and `hybrid` need stored vectors, `reranked` a reranking model. */
  modes: readonly EvalMode[];
  /** Also run hybrid with each of these vector weights. */
  sweep?: readonly number[];
  /** How search orders files (search/file-ranking.ts). Defaults to `fused`, search's own default. */
  fileRanking?: FileRanking;
  signal?: AbortSignal;
  /** Told after each question of each mode. */
  onProgress?: (done: number, total: number) => void;
}

const HITS = 30;

export async function evaluateRetrieval(
  search: SearchService,
  questions: readonly EvalQuestion[],
  options: EvaluateOptions,
): Promise<EvalReport> {
  const runs: Array<{ mode: EvalMode; weights?: FusionWeights }> = [
    ...options.modes.map((mode) => ({ mode })),
    ...(options.sweep ?? []).map((vector) => ({ mode: 'hybrid' as const, weights: { keyword: 1, vector } })),
  ];
  const total = runs.length * questions.length;
  let done = 0;
  const score = async (run: (typeof runs)[number]): Promise<ModeScore> => {
    const ranks: Array<number | null> = [];
    for (const { question, files: wanted } of questions) {
      options.signal?.throwIfAborted();
      const result = await search.search({
        query: question,
        collectionIds: options.collectionIds,
        mode: run.mode === 'plain-fts5' ? 'keyword' : run.mode === 'reranked' ? 'auto' : run.mode,
        baseline: run.mode === 'plain-fts5',
        rerank: run.mode === 'reranked',
        weights: run.weights,
        limit: HITS,
        fileRanking: options.fileRanking,
        signal: options.signal,
      });
      const files = result.files.map((file) => file.relativePath);
      const index = files.findIndex((found) => wanted.includes(found));
      ranks.push(index >= 0 ? index + 1 : null);
      options.onProgress?.(++done, total);
    }
    return summarise(run.mode, ranks);
  };
  const scores: ModeScore[] = [];
  for (const run of runs.slice(0, options.modes.length)) scores.push(await score(run));
  const sweep: EvalReport['sweep'] = [];
  for (const run of runs.slice(options.modes.length)) sweep.push({ weights: run.weights!, score: await score(run) });
  return { questions: questions.length, scores, ...(options.sweep ? { sweep } : {}) };
}

/** Scores from each question's 1-based rank of its file (`null`: not found). */
export function summarise(mode: EvalMode, ranks: ReadonlyArray<number | null>): ModeScore {
  const n = Math.max(1, ranks.length);
  const within = (k: number) => ranks.filter((rank) => rank !== null && rank <= k).length;
  return {
    mode,
    recallAt1: within(1) / n,
    recallAt5: within(5) / n,
    mrrAt10: ranks.reduce<number>((sum, rank) => sum + (rank !== null && rank <= 10 ? 1 / rank : 0), 0) / n,
    missed: ranks.length - within(10),
  };
}
