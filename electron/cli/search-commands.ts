import { readFileSync, statSync } from 'node:fs';
import { HearthError } from '../ipc/errors';
import type { SearchMode, SearchResult } from '../ipc/schemas/search';
import type { Services } from '../services';
import type { FileRanking } from '../services/search/file-ranking';
import { evaluateRetrieval, parseQuestions, type EvalMode, type ModeScore } from '../services/search/retrieval-eval';
import type { CliIo } from './cli-io';
import { statusPrinter } from './progress';
import { UsageError } from './usage';

/** `hearth search` and `hearth eval retrieval`: the library's search, from a terminal. */

/** Collection ids by name; every collection when no name is given. Unknown names are an error. */
export function collectionIds(services: Services, names: readonly string[]): number[] | undefined {
  if (names.length === 0) return undefined;
  return names.map((name) => services.library.collectionNamed(name).id);
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
  options: { questionsFile: string; collection: string; json: boolean; sweep: boolean; fileRanking?: FileRanking },
  io: CliIo,
): Promise<number> {
  const questions = parseQuestions(readQuestionsFile(options.questionsFile));
  if (questions.length === 0) throw new HearthError('VALIDATION', `${options.questionsFile} has no questions.`);
  const collection = services.library.collectionNamed(options.collection);
  const ids = [collection.id];
  // An expected file the collection does not hold can never be found: said, counted, and not
  // scored as a miss of the search (a typo in the questions file is not a weakness of search).
  const known = new Set(services.search.filesOf(collection.id));
  const absent = questions.flatMap((question) =>
    question.files.filter((file) => !known.has(file)).map((file) => ({ line: question.line, file })),
  );
  const scored = questions.filter((question) => question.files.some((file) => known.has(file)));
  if (absent.length && !options.json) {
    io.stderr.write(
      `${absent.length} expected file${absent.length === 1 ? ' is' : 's are'} not in "${collection.name}": ${absent
        .slice(0, 5)
        .map(({ line, file }) => `${file} (line ${line})`)
        .join(', ')}${absent.length > 5 ? ', …' : ''}. ${questions.length - scored.length} question${
        questions.length - scored.length === 1 ? ' is' : 's are'
      } left out of the scores.\n`,
    );
  }
  if (scored.length === 0) {
    throw new HearthError('VALIDATION', `None of the expected files is in "${collection.name}": nothing to score.`);
  }
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
  const printer = statusPrinter(io.stderr, io.stderr.isTTY && !options.json ? 'tty' : 'quiet');
  const report = await evaluateRetrieval(services.search, scored, {
    collectionIds: ids,
    modes,
    sweep: options.sweep && model ? [0, 0.25, 0.5, 0.7, 1, 1.5, 2] : undefined,
    fileRanking: options.fileRanking,
    signal: controller.signal,
    onProgress: (done, total) => printer.update(`${done}/${total} searches`),
  }).finally(() => {
    printer.end();
    stopListening();
  });
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ collection: collection.name, embedder: model, reranker, ...report, absent }, null, 2)}\n`,
    );
    return 0;
  }
  const header = `Retrieval on ${report.questions} questions, collection "${collection.name}", ${
    model ? `embedding model ${model}` : 'no embedding model (keyword modes only)'
  }${reranker ? `, reranking model ${reranker}` : ''}, files ranked ${options.fileRanking === 'best-passage' ? 'by their best passage' : 'by their passages together'}:\n`;
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
