import { readFileSync, statSync } from 'node:fs';
import { HearthError } from '../ipc/errors';
import type { SearchMode, SearchResult } from '../ipc/schemas/search';
import type { Services } from '../services';
import { evaluateRetrieval, parseQuestions, type EvalMode, type ModeScore } from '../services/search/retrieval-eval';
import type { CliIo } from './cli-io';
import { UsageError } from './usage';

/** `hearth search` and `hearth eval retrieval`: the library's search, from a terminal. */

/** Collection ids by name; every collection when no name is given. Unknown names are an error. */
export function collectionIds(services: Services, names: readonly string[]): number[] | undefined {
  if (names.length === 0) return undefined;
  const collections = services.library.collections();
  return names.map((name) => {
    const found = collections.find((collection) => collection.name === name);
    if (!found) {
      const known = collections.map((collection) => collection.name).join(', ') || 'none yet';
      throw new HearthError('NOT_FOUND', `No collection is named "${name}" (collections: ${known}).`);
    }
    return found.id;
  });
}

export async function runSearch(
  services: Services,
  options: { query: string; collections: string[]; mode: SearchMode; limit: number; json: boolean },
  io: CliIo,
): Promise<number> {
  const result = await services.search.search({
    query: options.query,
    collectionIds: collectionIds(services, options.collections),
    mode: options.mode,
    limit: options.limit,
  });
  if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(formatResult(result));
  return 0;
}

/** Hits as a terminal shows them: rank, file, page or lines, heading path, and the snippet with the matched words starred. */
export function formatResult(result: SearchResult): string {
  if (result.hits.length === 0) return `No matches (${result.mode} search).\n`;
  const lines = result.hits.map((hit, index) => {
    const where = hit.page ? `page ${hit.page}` : `lines ${hit.lineStart}–${hit.lineEnd}`;
    const heading = hit.headingPath ? `  ${hit.headingPath}\n` : '';
    const snippet = hit.snippet.map((segment) => (segment.hit ? `*${segment.text}*` : segment.text)).join('');
    return `${index + 1}. ${hit.relativePath} (${where})\n${heading}  ${snippet}\n`;
  });
  const model = result.embedder ? `, ${result.embedder}` : '';
  return `${lines.join('\n')}\n${result.hits.length} results, ${result.mode} search${model}, ${Math.round(result.tookMs)} ms.\n`;
}

export async function runEvalRetrieval(
  services: Services,
  options: { questionsFile: string; collection: string; json: boolean; sweep: boolean },
  io: CliIo,
): Promise<number> {
  const questions = parseQuestions(readQuestionsFile(options.questionsFile));
  if (questions.length === 0) throw new HearthError('VALIDATION', `${options.questionsFile} has no questions.`);
  const ids = collectionIds(services, [options.collection])!;
  const model = services.search.vectorModel();
  const reranker = services.search.rerankModel();
  const modes: EvalMode[] = [
    'plain-fts5',
    'keyword',
    ...(model ? (['vector', 'hybrid'] as const) : []),
    ...(reranker ? (['reranked'] as const) : []),
  ];
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  const showProgress = io.stderr.isTTY && !options.json;
  const report = await evaluateRetrieval(services.search, questions, {
    collectionIds: ids,
    modes,
    sweep: options.sweep && model ? [0, 0.25, 0.5, 0.7, 1, 1.5, 2] : undefined,
    signal: controller.signal,
    onProgress: (done, total) => {
      if (showProgress) io.stderr.write(`\r${done}/${total} searches`);
    },
  }).finally(stopListening);
  if (showProgress) io.stderr.write('\r\x1b[K');
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ collection: options.collection, embedder: model, reranker, ...report }, null, 2)}\n`,
    );
    return 0;
  }
  const header = `Retrieval on ${report.questions} questions, collection "${options.collection}", ${
    model ? `embedding model ${model}` : 'no embedding model (keyword modes only)'
  }${reranker ? `, reranking model ${reranker}` : ''}:\n`;
  const table = [row('mode', 'recall@1', 'recall@5', 'MRR@10', 'missed'), ...report.scores.map(scoreRow)];
  let out = `${header}${table.join('\n')}\n`;
  if (report.sweep) {
    out += `\nHybrid by vector weight (keyword weight 1):\n`;
    out += [
      row('vector weight', 'recall@1', 'recall@5', 'MRR@10', 'missed'),
      ...report.sweep.map(({ weights, score }) => scoreRow({ ...score, mode: String(weights.vector) as EvalMode })),
    ].join('\n');
    out += '\n';
  }
  io.stdout.write(out);
  return 0;
}

const row = (...cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(14) : cell.padStart(9))).join(' ');
const scoreRow = (score: ModeScore) =>
  row(
    score.mode,
    score.recallAt1.toFixed(3),
    score.recallAt5.toFixed(3),
    score.mrrAt10.toFixed(3),
    String(score.missed),
  );

/** The questions file's text, or an error that names it and says what is wrong (never its bytes). */
function readQuestionsFile(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new HearthError('NOT_FOUND', `No questions file at ${path}.`);
  if (!stats.isFile()) throw new UsageError(`--questions ${path} is a folder; give a .tsv file.`, 'eval');
  const bytes = readFileSync(path);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (bytes.includes(0) || text.includes('\ufffd')) {
    throw new HearthError('VALIDATION', `${path} is not a text file: give question<TAB>relative/path lines in UTF-8.`);
  }
  return text;
}
