import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { parseQuestions } from '../../../../electron/services/search/retrieval-eval';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { hearth, hearthBinary } from '../../../helpers/hearth-cli';
import { startServices } from '../../../helpers/services';

import { CORPUS } from '../../../helpers/corpus';
const QUESTIONS = resolve(import.meta.dirname, '../../../eval/tldr-questions.tsv');

/**
 * One library for every test here, built once: `tldr` holds every page the committed question set
 * names plus all macOS pages as distractors (about 450 real Markdown pages), `windows` holds the
 * Windows pages, `papers` holds a real 14-page PDF. The tiny generated embedding model fills the
 * vectors, so every mode runs (its vectors carry no meaning, so only mechanics are asserted of them).
 */
let root: string;
let dataDir: string;
let services: Services | undefined;
const ids: Record<'tldr' | 'windows' | 'papers', number> = { tldr: 0, windows: 0, papers: 0 };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hearth-search-'));
  dataDir = join(root, 'data');
  const tldr = join(root, 'tldr');
  cpSync(join(CORPUS, 'tldr/pages/osx'), join(tldr, 'pages/osx'), { recursive: true });
  for (const file of parseQuestions(readFileSync(QUESTIONS, 'utf8')).flatMap((question) => question.files)) {
    mkdirSync(dirname(join(tldr, file)), { recursive: true });
    cpSync(join(CORPUS, 'tldr', file), join(tldr, file));
  }
  const papers = join(root, 'papers');
  mkdirSync(papers);
  cpSync(join(CORPUS, 'pdf/tracemonkey.pdf'), join(papers, 'tracemonkey.pdf'));

  services = startServices(dataDir).services;
  await services.models.import(fixtureModel('tiny-embedding'), 'reference');
  for (const [name, folder] of [
    ['tldr', tldr],
    ['windows', join(CORPUS, 'tldr/pages/windows')],
    ['papers', papers],
  ] as const) {
    const collection = services.library.createCollection(name);
    services.library.addFolder(collection.id, folder);
    const report = await services.library.index(collection.id);
    expect(report.embedded).toBe(report.chunks);
    ids[name] = collection.id;
  }
});

afterAll(async () => {
  await services?.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('search', () => {
  it('ranks the file a distinctive phrase comes from first in keyword mode, with its lines and snippet', async () => {
    const result = await services!.search.search({
      query: 'using the file extension to automatically determine the compression program',
      mode: 'keyword',
    });
    expect(result.mode).toBe('keyword');
    expect(result.embedder).toBeNull();
    const [first] = result.hits;
    expect(first).toMatchObject({ relativePath: 'pages/common/tar.md', headingPath: 'tar', type: 'markdown' });
    expect(first!.path).toBe(join(root, 'tldr/pages/common/tar.md'));
    expect(first!.lineStart).toBeGreaterThanOrEqual(1);
    expect(first!.lineEnd).toBeGreaterThan(first!.lineStart);
    const marked = first!.snippet.filter((segment) => segment.hit).map((segment) => segment.text.toLowerCase());
    // tldr writes "[a]utomatically", which the tokenizer splits: that word is not a hit.
    expect(marked).toEqual(expect.arrayContaining(['extension', 'determine', 'compression', 'program']));
    expect(first!.text).toContain('tar caf');
  });

  it('keeps to the collections in scope', async () => {
    const all = await services!.search.search({ query: 'copy files and folders', mode: 'keyword', limit: 30 });
    expect(new Set(all.hits.map((hit) => hit.collectionId)).size).toBeGreaterThan(1);
    for (const mode of ['keyword', 'vector', 'hybrid'] as const) {
      const scoped = await services!.search.search({
        query: 'copy files and folders',
        collectionIds: [ids.windows],
        mode,
        limit: 30,
      });
      expect(scoped.hits.length).toBeGreaterThan(0);
      expect(scoped.hits.every((hit) => hit.collectionId === ids.windows)).toBe(true);
      expect(scoped.hits.every((hit) => hit.relativePath.endsWith('.md') && !hit.relativePath.startsWith('/'))).toBe(
        true,
      );
    }
    const none = await services!.search.search({ query: 'copy', collectionIds: [], mode: 'hybrid' });
    expect(none.hits).toEqual([]);
    // Naming every collection is the whole library: searched without a filter, the same hits.
    const every = await services!.search.search({
      query: 'copy files and folders',
      collectionIds: Object.values(ids),
      mode: 'hybrid',
      limit: 30,
    });
    const unscoped = await services!.search.search({ query: 'copy files and folders', mode: 'hybrid', limit: 30 });
    expect(every.hits.map((hit) => hit.chunkIds)).toEqual(unscoped.hits.map((hit) => hit.chunkIds));
    expect(every.hits.length).toBeGreaterThan(0);
  });

  it('gives the page of a PDF passage', async () => {
    const result = await services!.search.search({
      query: '"trace trees"',
      collectionIds: [ids.papers],
      mode: 'keyword',
      limit: 50,
    });
    expect(result.hits.length).toBeGreaterThan(1);
    expect(result.hits.every((hit) => hit.relativePath === 'tracemonkey.pdf')).toBe(true);
    const pages = new Set(result.hits.map((hit) => hit.page));
    expect([...pages].every((page) => page !== null && page >= 1 && page <= 14)).toBe(true);
    expect(pages.size).toBeGreaterThan(1);
  });

  it('fuses keyword and vector ranks in hybrid mode, and searches vectors alone in vector mode', async () => {
    const hybrid = await services!.search.search({
      query: 'show a calendar of this month',
      collectionIds: [ids.tldr],
      limit: 50,
    });
    expect(hybrid.mode).toBe('hybrid');
    expect(hybrid.embedder).toBe('tiny-embedding');
    // Both retrievers contribute (the test model's vectors carry no meaning, so their lists rarely overlap).
    expect(hybrid.hits.some((hit) => hit.ranks.keyword)).toBe(true);
    expect(hybrid.hits.some((hit) => hit.ranks.vector)).toBe(true);
    expect(hybrid.hits[0]!.ranks.keyword).toBe(1);
    const scores = hybrid.hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const vector = await services!.search.search({ query: 'calendar', mode: 'vector', limit: 5 });
    expect(vector.hits).toHaveLength(5);
    expect(vector.hits.every((hit) => hit.ranks.vector && !hit.ranks.keyword)).toBe(true);
  });

  it('merges neighbouring chunks that both matched into one hit', async () => {
    const result = await services!.search.search({
      query: 'trace tree loop type',
      collectionIds: [ids.papers],
      mode: 'keyword',
      limit: 20,
    });
    const merged = result.hits.filter((hit) => hit.chunkIds.length > 1);
    expect(merged.length).toBeGreaterThan(0);
    const chunkIds = result.hits.flatMap((hit) => hit.chunkIds);
    expect(new Set(chunkIds).size).toBe(chunkIds.length);
  });

  it('answers the CLI: search with a snippet, and the retrieval evaluation in every mode', async () => {
    await services!.dispose();
    services = undefined;

    // The binary itself, once for the group: the rest runs the same entry function in-process.
    const search = await hearthBinary([
      'search',
      'unpack',
      'a',
      'tar.gz',
      '--collection',
      'tldr',
      '--data-dir',
      dataDir,
    ]);
    expect(search.stderr).toBe('');
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/^1\. pages\/\S+\.md \(lines \d+–\d+\)/);
    expect(search.stdout).toMatch(/\*tar\*/);
    expect(search.stdout).toMatch(/results, hybrid search, tiny-embedding/);

    const unknown = await hearth(['search', 'x', '--collection', 'nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No collection is called "nope" \(collections: papers, tldr, windows\)/);

    const text = await hearthBinary([
      'eval',
      'retrieval',
      '--questions',
      QUESTIONS,
      '--collection',
      'tldr',
      '--data-dir',
      dataDir,
    ]);
    expect(text.code).toBe(0);
    console.log(text.stdout);
    for (const mode of ['plain-fts5', 'keyword', 'vector', 'hybrid'])
      expect(text.stdout).toMatch(new RegExp(`^${mode} `, 'm'));

    const json = await hearth([
      'eval',
      'retrieval',
      '--questions',
      QUESTIONS,
      '--collection',
      'tldr',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    const report = JSON.parse(json.stdout) as {
      questions: number;
      scores: Array<{ mode: string; recallAt1: number; recallAt5: number; mrrAt10: number }>;
    };
    expect(report.questions).toBeGreaterThanOrEqual(60);
    const score = (mode: string) => report.scores.find((entry) => entry.mode === mode)!;
    // Plain FTS5 ANDs every word of a question: almost nothing matches. Keyword mode must be clearly above it.
    expect(score('keyword').mrrAt10).toBeGreaterThan(score('plain-fts5').mrrAt10 + 0.2);
    expect(score('keyword').recallAt5).toBeGreaterThan(0.4);
  });
});

describe('search when the embedding model breaks', () => {
  it('falls back to keywords in auto mode, and says so in vector mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-search-broken-'));
    try {
      const folder = join(dir, 'notes');
      mkdirSync(folder);
      cpSync(join(CORPUS, 'tldr/pages/common/tar.md'), join(folder, 'tar.md'));
      const model = join(dir, 'embedding.gguf');
      cpSync(fixtureModel('tiny-embedding'), model);
      const s = startServices(join(dir, 'data')).services;
      try {
        const installed = await s.models.import(model, 'reference');
        const collection = s.library.createCollection('notes');
        s.library.addFolder(collection.id, folder);
        expect((await s.library.index(collection.id)).embedded).toBeGreaterThan(0);
        // The file breaks on disk while Hearth runs (a bad sync, a disk error).
        await s.models.unload({ id: installed.id });
        writeFileSync(model, Buffer.alloc(4096));

        const auto = await s.search.search({ query: 'extract an archive' });
        expect(auto.mode).toBe('keyword');
        expect(auto.hits[0]?.relativePath).toBe('tar.md');
        await expect(s.search.search({ query: 'extract an archive', mode: 'vector' })).rejects.toMatchObject({
          code: 'INVALID_GGUF',
        });
      } finally {
        await s.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
