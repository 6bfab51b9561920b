import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectionReport } from '../../../../electron/services/library/reads/document-reads';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { CORPUS } from '../../../helpers/corpus';
import { eventually } from '../../../helpers/eventually';
import { writeGeneratedPages } from '../../../helpers/generated-pages';
import { runIndexChild } from '../../../helpers/index-child-process';
import { indexFingerprint } from '../../../helpers/library';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function open(dataDir: string): Store {
  const store = openStore({ dataDir });
  stores.push(store);
  return store;
}

/** Whether a process lives: signal 0 asks without sending anything. A zombie counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Where /proc exists, a zombie (dead, not yet reaped by the container's init) is gone too.
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

/**
 * Where the crash-safety run ends the app (`HEARTH_CRASH_AT`, see crash-points.ts), in order: each
 * stage of a first run, then of the runs that carry on from it, then of rescans of a finished
 * index. Counts are per run: `document-written:20` is the 20th document that run writes.
 */
const CRASHES = [
  'walk-recorded:1', // the first scan, inside its transaction
  'document-started:1', // main, as the first file is handed to the indexer
  'document-written:1', // inside the first document's transaction
  'answering:1', // main, while it counts a document's tokens
  'document-written:2',
  'document-written:15',
  'answering:25',
  'document-started:30',
  'document-written:40',
  'document-started:45',
  'document-written:60',
  'answering:50', // the last documents, or the first request for vectors
  'vectors-written:1', // inside the first batch of vectors' transaction
  'answering:2',
  'vectors-written:2',
  'vectors-written:1',
  'answering:1',
  'vectors-written:3',
  'walk-recorded:1', // a rescan of the finished index (which reads no file again: none changed)
  'walk-recorded:1',
  'vectors-written:1',
  'answering:1',
];

describe('crash safety', () => {
  it('the indexing process of a killed run stops too, and holds the lock until it has', async () => {
    // Enough files that an orphan which went on would be seen; no model, so nothing waits on main.
    const folder = tempDir();
    const pages = writeGeneratedPages(folder, { count: 1500 });
    const dataDir = tempDir();
    const lock = join(dataDir, 'library.db.index-lock');
    // A line per process: its pid, then its start time.
    const holders = () =>
      existsSync(lock)
        ? readFileSync(lock, 'utf8')
            .trim()
            .split('\n')
            .map((line) => Number(line.split(' ')[0]))
        : [];
    // Main dies as the indexer starts its fifth file; the indexer itself is not killed.
    expect(await runIndexChild(dataDir, folder, { crashAt: 'document-started:5' })).toBe('killed');
    const [, indexer] = holders();
    expect(indexer).toBeGreaterThan(0);
    await eventually(() => !alive(indexer!), 60_000, 'the orphaned indexing process kept running');
    // It stopped, rather than finished: work is left for the next run, which takes the lock over.
    expect(collectionReport(open(dataDir).library, 1).indexed).toBeLessThan(pages.files.length);
    expect(await runIndexChild(dataDir, folder)).toBe('done');
    expect(collectionReport(open(dataDir).library, 1)).toMatchObject({ indexed: pages.files.length, pending: 0 });
  });

  it('kill -9 at every stage, 20 times, then a full run, gives the index of an uninterrupted run', async () => {
    const folder = tempDir();
    // The real pages starting with "a" (238): enough for many batches of vectors.
    cpSync(join(CORPUS, 'tldr', 'pages', 'common'), folder, {
      recursive: true,
      filter: (p) => !/[/\\][b-z][^/\\]*\.md$/.test(p),
    });
    writeFileSync(join(folder, 'photo.txt'), Buffer.from([0xff, 0xd8, 0x00, 0x01]));

    // Both data dirs get the same embedding model, so vectors are part of what must match.
    const withEmbedder = async () => {
      const dataDir = tempDir();
      const { services } = startServices(dataDir);
      await services.models.import(fixtureModel('tiny-embedding'), 'reference');
      await services.dispose();
      return dataDir;
    };
    const reference = await withEmbedder();
    expect(await runIndexChild(reference, folder)).toBe('done');
    const expected = indexFingerprint(open(reference).library);
    expect(expected.chunks).toBeGreaterThan(200);
    expect(expected.vectors).toBe(expected.chunks);

    const crashed = await withEmbedder();
    const outcomes: string[] = [];
    for (const crashAt of CRASHES) outcomes.push(`${crashAt} ${await runIndexChild(crashed, folder, { crashAt })}`);
    outcomes.push(`none ${await runIndexChild(crashed, folder)}`);
    console.log(`kill -9 runs: ${outcomes.join(', ')}`);
    const killedAt = outcomes.filter((o) => o.endsWith(' killed')).map((o) => o.split(':')[0]);
    expect(killedAt.length).toBeGreaterThanOrEqual(20);
    // Every kind of moment was hit: scans, documents, vectors, and main mid-conversation.
    expect(new Set(killedAt)).toEqual(
      new Set(['walk-recorded', 'document-started', 'document-written', 'answering', 'vectors-written']),
    );
    expect(outcomes.at(-1)).toBe('none done');

    const store = open(crashed);
    expect(store.library.pragma('integrity_check', { simple: true })).toBe('ok');
    store.library.exec("INSERT INTO chunks_fts (chunks_fts) VALUES ('integrity-check')");
    expect(indexFingerprint(store.library)).toEqual(expected);
    expect(collectionReport(store.library, 1).pending).toBe(0);
  });
});
