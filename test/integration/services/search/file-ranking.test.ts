import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { evaluateRetrieval, parseQuestions } from '../../../../electron/services/search/retrieval-eval';
import { CORPUS } from '../../../helpers/corpus';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const QUESTIONS = resolve(import.meta.dirname, '../../../eval/undici-questions.tsv');
const tempDir = useTempDir();
let services: Services | undefined;
let collectionId = 0;

/** undici's manual (42 real Markdown pages) indexed by keyword, with its 45-question set. */
beforeAll(async () => {
  services = startServices(join(tempDir(), 'data')).services;
  const collection = services.library.createCollection('undici');
  services.library.addFolder(collection.id, join(CORPUS, 'undici'));
  await services.library.index(collection.id);
  collectionId = collection.id;
});
afterAll(async () => {
  await services?.dispose();
});

describe('file ranking on a real manual', () => {
  it('ranks files by their passages together better than by their best passage alone', async () => {
    const questions = parseQuestions(readFileSync(QUESTIONS, 'utf8'));
    expect(questions.length).toBeGreaterThanOrEqual(40);
    const measure = async (fileRanking: 'best-passage' | 'fused') =>
      (
        await evaluateRetrieval(services!.search, questions, {
          collectionIds: [collectionId],
          modes: ['keyword'],
          fileRanking,
        })
      ).scores[0]!;
    const [before, after] = [await measure('best-passage'), await measure('fused')];
    expect(after.recallAt1).toBeGreaterThan(before.recallAt1);
    expect(after.recallAt5).toBeGreaterThanOrEqual(before.recallAt5);
    expect(after.mrrAt10).toBeGreaterThan(before.mrrAt10);
  });

  it('keeps the passage hits as they were: only the order of files changes', async () => {
    const query = { query: 'turn raw header arrays into a plain object', collectionIds: [collectionId], limit: 10 };
    const fused = await services!.search.search({ ...query, fileRanking: 'fused' });
    const best = await services!.search.search({ ...query, fileRanking: 'best-passage' });
    expect(fused.hits.map((hit) => hit.chunkIds)).toEqual(best.hits.map((hit) => hit.chunkIds));
    expect(new Set(fused.files.map((file) => file.relativePath))).toEqual(
      new Set(best.files.map((file) => file.relativePath)),
    );
    // Every hit's file is among the ranked files.
    for (const hit of fused.hits) expect(fused.files.map((file) => file.relativePath)).toContain(hit.relativePath);
  });
});
