import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { evaluateRetrieval, parseQuestions } from '../../../../electron/services/search/retrieval-eval';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { CORPUS } from '../../../helpers/corpus';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const QUESTIONS = resolve(import.meta.dirname, '../../../eval/undici-questions.tsv');
const tempDir = useTempDir();
/** Two libraries of the same manual: keyword only, and with the generated embedding model. */
const libraries: Record<'keyword' | 'hybrid', { services: Services; collectionId: number } | undefined> = {
  keyword: undefined,
  hybrid: undefined,
};

/** undici's manual (42 real Markdown pages), indexed for `mode`; its question set is beside it. */
async function library(mode: 'keyword' | 'hybrid') {
  const services = startServices(join(tempDir(), mode)).services;
  if (mode === 'hybrid') await services.models.import(fixtureModel('tiny-embedding'), 'reference');
  const collection = services.library.createCollection('undici');
  services.library.addFolder(collection.id, join(CORPUS, 'undici'));
  await services.library.index(collection.id);
  return { services, collectionId: collection.id };
}

beforeAll(async () => {
  libraries.keyword = await library('keyword');
  libraries.hybrid = await library('hybrid');
});
afterAll(async () => {
  await libraries.keyword?.services.dispose();
  await libraries.hybrid?.services.dispose();
});

describe('file ranking on a real manual', () => {
  it.each(['keyword', 'hybrid'] as const)(
    'ranks files by their passages together better than by their best passage alone (%s)',
    async (mode) => {
      const questions = parseQuestions(readFileSync(QUESTIONS, 'utf8'));
      expect(questions.length).toBeGreaterThanOrEqual(40);
      const { services, collectionId } = libraries[mode]!;
      const measure = async (fileRanking: 'best-passage' | 'fused') =>
        (
          await evaluateRetrieval(services.search, questions, {
            collectionIds: [collectionId],
            modes: [mode],
            fileRanking,
          })
        ).scores[0]!;
      const [before, after] = [await measure('best-passage'), await measure('fused')];
      expect(after.recallAt1).toBeGreaterThan(before.recallAt1);
      expect(after.recallAt5).toBeGreaterThanOrEqual(before.recallAt5);
      expect(after.mrrAt10).toBeGreaterThan(before.mrrAt10);
    },
  );

  it('keeps the passage hits as they were: only the order of files changes', async () => {
    const { services, collectionId } = libraries.hybrid!;
    const query = { query: 'turn raw header arrays into a plain object', collectionIds: [collectionId], limit: 10 };
    const fused = await services.search.search({ ...query, fileRanking: 'fused' });
    const best = await services.search.search({ ...query, fileRanking: 'best-passage' });
    expect(fused.hits.map((hit) => hit.chunkIds)).toEqual(best.hits.map((hit) => hit.chunkIds));
    expect(new Set(fused.files.map((file) => file.relativePath))).toEqual(
      new Set(best.files.map((file) => file.relativePath)),
    );
    // Every hit's file is among the ranked files.
    for (const hit of fused.hits) expect(fused.files.map((file) => file.relativePath)).toContain(hit.relativePath);
  });
});
