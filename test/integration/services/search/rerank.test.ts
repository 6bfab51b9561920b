import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { Reranker } from '../../../../electron/services/models/reranker';
import { evaluateRetrieval } from '../../../../electron/services/search/retrieval-eval';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

/** A library of short notes that all mention the lighthouse, indexed by keyword only. */
async function notesLibrary() {
  const folder = join(tempDir(), 'notes');
  mkdirSync(folder);
  const topics = ['lamp', 'storm', 'keeper', 'ships', 'fog', 'stairs', 'paint', 'radio'];
  topics.forEach((topic, i) =>
    writeFileSync(
      join(folder, `${topic}.md`),
      `# The lighthouse ${topic}\n\n${'The lighthouse '.repeat(i + 1)}and its ${topic}, seen from the harbour.\n`,
    ),
  );
  services = startServices(join(tempDir(), 'data')).services;
  const collection = services.library.createCollection('Notes');
  services.library.addFolder(collection.id, folder);
  await services.library.index(collection.id);
  return { services, collectionIds: [collection.id] };
}

describe('reranking', () => {
  it('reorders the fused passages by the reranking model, and names it in the result', async () => {
    const { services, collectionIds } = await notesLibrary();
    const query = 'what is the lighthouse lamp like';
    const plain = await services.search.search({ query, collectionIds });
    expect(plain.reranker).toBeNull();
    expect(plain.hits.every((hit) => hit.rerankScore === undefined)).toBe(true);
    await expect(services.search.search({ query, collectionIds, rerank: true })).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
    });

    const model = await services.models.import(fixtureModel('tiny-reranker'), 'reference');
    expect(model.metadata.role).toBe('reranker');
    const reranked = await services.search.search({ query, collectionIds });
    expect(reranked.reranker).toBe('tiny-reranker');
    expect(reranked.hits.map((hit) => hit.documentId).sort()).toEqual(plain.hits.map((hit) => hit.documentId).sort());
    const scores = reranked.hits.map((hit) => hit.rerankScore!);
    expect(scores.every((score) => score > 0 && score < 1)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The scores are the model's own, for each passage's text read with the question.
    const direct = await new Reranker({ models: services.models }).rank(
      { modelId: model.id, name: model.metadata.name },
      query,
      reranked.hits.map((hit) => hit.text),
    );
    direct.forEach((score, i) => expect(score).toBeCloseTo(scores[i]!, 5));
    // Random weights reorder the keyword order; asked not to rerank, search gives it back.
    expect(reranked.hits.map((hit) => hit.documentId)).not.toEqual(plain.hits.map((hit) => hit.documentId));
    const unranked = await services.search.search({ query, collectionIds, rerank: false });
    expect(unranked.hits.map((hit) => hit.documentId)).toEqual(plain.hits.map((hit) => hit.documentId));
    expect(unranked.reranker).toBeNull();

    // The evaluation's `reranked` row is this order, and its other rows are not reranked.
    const report = await evaluateRetrieval(services.search, [{ question: query, files: ['lamp.md'], line: 1 }], {
      collectionIds,
      modes: ['keyword', 'reranked'],
    });
    // (Files in the order search ranks them: by their passages together.)
    const rankOf = (result: typeof plain) => result.files.map((file) => file.relativePath).indexOf('lamp.md') + 1;
    expect(report.scores.map((score) => [score.mode, score.mrrAt10])).toEqual([
      ['keyword', 1 / rankOf(plain)],
      ['reranked', 1 / rankOf(reranked)],
    ]);
  });

  it('keeps the fused order when the reranking model breaks, unless reranking was asked for by name', async () => {
    const { services, collectionIds } = await notesLibrary();
    const copy = join(tempDir(), 'reranker.gguf');
    writeFileSync(copy, readFileSync(fixtureModel('tiny-reranker')));
    await services.models.import(copy, 'reference');
    // The file goes bad after import: loading it fails.
    writeFileSync(copy, Buffer.alloc(64));
    const query = 'lighthouse fog';
    const result = await services.search.search({ query, collectionIds });
    expect(result.reranker).toBeNull();
    expect(result.hits.length).toBeGreaterThan(0);
    await expect(services.search.search({ query, collectionIds, rerank: true })).rejects.toBeTruthy();
  });
});
