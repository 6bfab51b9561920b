import { cpSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../../electron/services';
import { blockTexts } from '../../../../electron/services/library/chunk';
import { bitsTable, listEmbedders, vecTable } from '../../../../electron/services/library/embedders';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { startServices } from '../../../helpers/services';
import { eventually } from '../../../helpers/eventually';
import { useTempDir } from '../../../helpers/temp-dir';
import { CORPUS } from '../../../helpers/corpus';

const tempDir = useTempDir();
const OSX = join(CORPUS, 'tldr/pages/osx');
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

/** A few dozen real Markdown pages in a folder of the test's own. */
function notesFolder(): string {
  const folder = tempDir();
  cpSync(OSX, folder, { recursive: true, filter: (p) => !/[/\\][c-z][^/\\]*\.md$/.test(p) });
  return folder;
}

function start(): Services {
  services = startServices(tempDir(), { library: { syncDebounceMs: 200 } }).services;
  return services;
}

/** The chunk nearest to `vector` in an embedder's table. */
function nearest(s: Services, embedderId: number, vector: Float32Array): number {
  return Number(
    s.store.library
      .prepare(`SELECT rowid FROM ${vecTable(embedderId)} ORDER BY vec_distance_cosine(embedding, ?) LIMIT 1`)
      .pluck()
      .get(vector) as bigint,
  );
}

describe('embeddings', () => {
  it('indexes everything but vectors with no embedding model, and fills them in once one is installed', async () => {
    const s = start();
    const collection = s.library.createCollection('Mac');
    s.library.addFolder(collection.id, notesFolder());
    await s.library.startSync();
    await eventually(() => s.library.collections()[0]!.report.indexed > 10 && !s.library.collections()[0]!.indexing);
    const before = s.library.collections()[0]!.report;
    expect(before).toMatchObject({ pending: 0, embedded: 0 });
    expect(listEmbedders(s.store.library)).toEqual([]);

    await s.models.import(fixtureModel('tiny-embedding'), 'reference');
    // Every vector stored, then the run settles the embedder (a moment after the last batch).
    await eventually(
      () =>
        s.library.collections()[0]!.report.embedded === before.chunks &&
        listEmbedders(s.store.library)[0]?.filledAt != null,
    );
    const [embedder] = listEmbedders(s.store.library);
    expect(embedder).toMatchObject({ name: 'tiny-embedding', dimensions: 64, filledAt: expect.any(Date) });
    const table = s.store.library
      .prepare(`SELECT count(*) FROM ${vecTable(embedder!.id)}`)
      .pluck()
      .get();
    expect(table).toBe(before.chunks);

    // Each stored vector is the one the model gives for that chunk: embedding a chunk's text again
    // finds that very chunk first.
    const chunk = s.store.library
      .prepare(`SELECT id, text, heading_path FROM chunks WHERE heading_path != '' ORDER BY id LIMIT 1 OFFSET 5`)
      .get() as { id: number; text: string; heading_path: string };
    const spec = s.embedder.current()!;
    const [vector] = await s.embedder.embedDocuments(spec, [`${chunk.heading_path}\n\n${chunk.text}`]);
    expect(nearest(s, embedder!.id, vector!)).toBe(chunk.id);
    expect(Math.hypot(...vector!)).toBeCloseTo(1, 5);
  });

  it('re-embeds with a newly chosen model in the background, then drops the old vectors', async () => {
    const s = start();
    const first = await s.models.import(fixtureModel('tiny-embedding'), 'reference');
    const second = await s.models.import(fixtureModel('tiny-embedding-wide'), 'reference');
    const collection = s.library.createCollection('Mac');
    s.library.addFolder(collection.id, notesFolder());
    await s.library.startSync();
    const chunks = s.library.collections()[0]!.report.chunks;
    expect(s.embedder.current()?.modelId).toBe(first.id);
    expect(s.library.collections()[0]!.report.embedded).toBe(chunks);

    s.settings.set({ embeddingModel: second.id });
    await eventually(
      () => listEmbedders(s.store.library).length === 1 && listEmbedders(s.store.library)[0]!.dimensions === 128,
    );
    expect(s.library.collections()[0]!.report.embedded).toBe(chunks);
    const tables = s.store.library
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
      .pluck()
      .all()
      .filter((name) => /^vec_(chunks|bits)_\d+$/.test(name as string));
    const kept = listEmbedders(s.store.library)[0]!.id;
    expect(tables.sort()).toEqual([bitsTable(kept), vecTable(kept)].sort());
  });

  it('re-embeds nothing for a renamed file, and only the edited file after an edit', async () => {
    const s = start();
    await s.models.import(fixtureModel('tiny-embedding'), 'reference');
    const folder = notesFolder();
    const collection = s.library.createCollection('Mac');
    s.library.addFolder(collection.id, folder);
    await s.library.startSync();
    const embedded = s.library.collections()[0]!.report.embedded;
    expect(embedded).toBeGreaterThan(10);
    const spec = s.embedder.current()!;
    // Chunks are sized in the model's own tokens: each chunk's count is its paragraphs' counts by
    // the model's tokenizer (within a token per join of the whole text's), and none is over budget.
    const rows = s.store.library.prepare('SELECT text, tokens FROM chunks LIMIT 30').all() as Array<{
      text: string;
      tokens: number;
    }>;
    const { maxTokens } = await s.embedder.chunking(spec);
    for (const row of rows) {
      const blocks = blockTexts(row.text, true);
      const perBlock = await s.embedder.countTokens(spec, blocks);
      expect(row.tokens).toBe(perBlock.reduce((sum, n) => sum + n, 0));
      expect(row.tokens).toBeLessThanOrEqual(maxTokens);
      const [whole] = await s.embedder.countTokens(spec, [row.text]);
      expect(Math.abs(whole! - row.tokens)).toBeLessThanOrEqual(2 * blocks.length);
    }
    const embed = vi.spyOn(s.embedder, 'embedDocuments');
    const db = s.store.library;
    const paths = () => db.prepare('SELECT path FROM documents ORDER BY path').pluck().all() as string[];
    const [name] = paths().map((path) => path.slice(folder.length + 1));

    renameSync(join(folder, name!), join(folder, `moved-${name}`));
    await eventually(() => paths().includes(join(folder, `moved-${name}`)));
    await eventually(() => !s.library.collections()[0]!.indexing);
    expect(embed).not.toHaveBeenCalled();
    expect(s.library.collections()[0]!.report.embedded).toBe(embedded);

    writeFileSync(join(folder, `moved-${name}`), '# Quokkas\n\nA short note about quokkas.\n');
    await eventually(() => embed.mock.calls.length > 0 && !s.library.collections()[0]!.indexing);
    const texts = embed.mock.calls.flatMap(([, batch]) => batch);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/short note about quokkas/);
  });
});
