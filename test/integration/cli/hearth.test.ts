import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../../../native-models/fixtures/generate';
import { CORPUS } from '../../helpers/corpus';
import { eventually } from '../../helpers/eventually';
import { hearth, hearthBinary } from '../../helpers/hearth-cli';
import { startServices } from '../../helpers/services';
import { itOnPosix } from '../../helpers/platform';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const OSX = join(CORPUS, 'tldr/pages/osx');

describe('hearth CLI', () => {
  it('indexes a folder into a data dir and reports it as JSON, then shows it in library status', async () => {
    const dataDir = tempDir();
    // The binary itself, once for the group: the rest runs the same entry function in-process.
    const indexed = await hearthBinary(['index', OSX, '--collection', 'Mac pages', '--data-dir', dataDir, '--json']);
    expect(indexed.stderr).toBe('');
    expect(indexed.code).toBe(0);
    const result = JSON.parse(indexed.stdout) as {
      collection: string;
      report: { discovered: number; indexed: number; skipped: number; pending: number; chunks: number };
    };
    expect(result.collection).toBe('Mac pages');
    expect(result.report.pending).toBe(0);
    expect(result.report.indexed).toBeGreaterThan(100);
    expect(result.report.discovered).toBe(result.report.indexed + result.report.skipped);

    const status = await hearthBinary(['library', 'status', '--json'], { HEARTH_DATA_DIR: dataDir });
    expect(status.code).toBe(0);
    const { collections } = JSON.parse(status.stdout) as {
      collections: Array<{ name: string; sources: Array<{ path: string }>; report: unknown }>;
    };
    expect(collections).toEqual([
      expect.objectContaining({
        name: 'Mac pages',
        sources: [expect.objectContaining({ path: OSX })],
        report: expect.objectContaining({ indexed: result.report.indexed }),
      }),
    ]);
  });

  it('prints plain progress lines when not on a terminal', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'a.md'), '# A\n\nSome text.\n');
    const run = await hearth(['index', folder, '--data-dir', tempDir()]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^Reading files · 1\/1 · [\d.]+ files\/s, .*\/s · done · 100% · 1\/1 files · 1 indexed · 0 skipped/m,
    );
    expect(run.stdout).toMatch(/: 100% · 1\/1 files/);
  });

  it('refuses a folder that is not there with exit code 1, and creates nothing', async () => {
    const dataDir = tempDir();
    const missing = join(tempDir(), 'not-here');
    const run = await hearth(['index', missing, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`hearth: There is no folder at ${missing}.\n`);
    const status = await hearth(['library', 'status', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(status.stdout)).toMatchObject({ collections: [] });
  });

  it('gives a usage error and exit code 2 for bad arguments', async () => {
    for (const args of [[], ['index'], ['index', 'a', 'b'], ['library', 'bogus'], ['index', '--nope', 'x']]) {
      const run = await hearth(args);
      expect(run.code, args.join(' ')).toBe(2);
      // One line: what is wrong, and which help to read (not every command's usage).
      expect(run.stderr).toMatch(/^hearth: [^\n]+ See `hearth( \w+)? --help`\.\n$/);
    }
    const help = await hearth(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\n {2}index \[options\] <folder> +Adds a folder/);
    expect(help.stdout).toMatch(/Exit codes: 0 done, 1 failed, 2 usage error, 3 busy/);
  });

  it('refuses to index while another Hearth process holds the library, with exit code 3', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    // This test process plays the app that is indexing.
    writeFileSync(join(dataDir, 'library.db.index-lock'), `${process.pid}\n`);
    const run = await hearth(['index', OSX, '--data-dir', dataDir]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Another Hearth process (pid ${process.pid}) is indexing this library`);

    // A lock left by a process that no longer exists is taken over.
    writeFileSync(join(dataDir, 'library.db.index-lock'), '999999999\n');
    const folder = tempDir();
    writeFileSync(join(folder, 'a.md'), '# A\n');
    expect((await hearth(['index', folder, '--data-dir', dataDir, '--json'])).code).toBe(0);
  });

  it('waits for the other process with --wait, then indexes', async () => {
    const dataDir = tempDir();
    const lock = join(dataDir, 'library.db.index-lock');
    writeFileSync(lock, `${process.pid}\n`);
    const folder = tempDir();
    writeFileSync(join(folder, 'a.md'), '# A\n\nWaited for its turn.\n');
    const run = hearth(['index', folder, '--wait', '--data-dir', dataDir, '--json']);
    let exited = false;
    void run.then(() => (exited = true));
    // It says it waits, and does: nothing ends it until the lock is given back.
    await eventually(() => run.output().stderr.includes('Waiting for it to finish'), 120_000, 'it did not wait');
    expect(exited).toBe(false);
    rmSync(lock);
    const result = await run;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `Another Hearth process (pid ${process.pid}) is indexing this library. Waiting for it to finish…`,
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ report: { indexed: 1 } });
  });

  it('indexes by --include, --exclude and --hidden, and shows the rules in the status', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    mkdirSync(join(folder, '.private'));
    writeFileSync(join(folder, 'a.md'), '# Apples\n\nApples grow on trees.\n');
    writeFileSync(join(folder, 'b.md'), '# Beans\n\nBeans climb poles.\n');
    writeFileSync(join(folder, 'c.txt'), 'Carrots grow underground.\n');
    writeFileSync(join(folder, '.private', 'd.md'), '# Dill\n\nDill seeds itself.\n');
    const run = await hearth([
      'index',
      folder,
      '--include',
      '*.md',
      '--exclude',
      'b.md',
      '--hidden',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ report: { discovered: 2, indexed: 2 } });
    const status = JSON.parse((await hearth(['library', 'status', '--json', '--data-dir', dataDir])).stdout) as {
      collections: Array<{ sources: unknown }>;
    };
    expect(status.collections[0]!.sources).toEqual([
      { path: folder, include: ['*.md'], exclude: ['b.md'], includeHidden: true, followLinks: false },
    ]);
  });

  itOnPosix('follows links out of the folder with --follow-links, and lists the slowest files to read', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(folder, 'here.md'), '# Here\n\nThe rota is on the shed door.\n');
    writeFileSync(join(elsewhere, 'there.md'), '# There\n\nThe key is under the pot.\n');
    symlinkSync(join(elsewhere, 'there.md'), join(folder, 'there.md'));
    const plain = await hearth(['index', folder, '--data-dir', dataDir, '--collection', 'Plain', '--json']);
    expect(JSON.parse(plain.stdout)).toMatchObject({
      report: { discovered: 2, indexed: 1, skipReasons: { 'outside-folder': 1 } },
    });
    const followed = await hearth([
      'index',
      folder,
      '--data-dir',
      dataDir,
      '--collection',
      'Followed',
      '--follow-links',
      '--json',
    ]);
    expect(JSON.parse(followed.stdout)).toMatchObject({ report: { discovered: 2, indexed: 2 } });

    const status = await hearth(['library', 'status', '--slowest', '2', '--data-dir', dataDir]);
    expect(status.code).toBe(0);
    const lines = status.stdout.split('\n');
    const followedAt = lines.findIndex((line) => line.startsWith('Followed ('));
    expect(lines.slice(followedAt + 1, followedAt + 3)).toEqual([
      expect.stringMatching(
        /^ {2}\d+ ms · .*(here|there)\.md \(markdown\): reader \d+ ms, disk \d+ ms, chunking \d+ ms$/,
      ),
      expect.stringMatching(/^ {2}\d+ ms · .*(here|there)\.md \(markdown\): reader/),
    ]);
    const json = JSON.parse(
      (await hearth(['library', 'status', '--json', '--slowest', '1', '--data-dir', dataDir])).stdout,
    ) as {
      collections: Array<{ slowest: Array<{ path: string; slowestStage: string }> }>;
    };
    expect(json.collections.map((c) => c.slowest.length)).toEqual([1, 1]);
    expect((await hearth(['library', 'status', '--slowest', 'many', '--data-dir', dataDir])).code).toBe(2);
  });

  it('answers a question from the library with `hearth ask`, streaming text then its sources, and saves the chat', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    writeFileSync(join(folder, 'fence.md'), '# Fence\n\nThe garden fence is painted blue every spring.\n');
    expect((await hearth(['index', folder, '--collection', 'Garden', '--data-dir', dataDir])).code).toBe(0);
    const { services } = startServices(dataDir);
    await services.models.import(fixtureModel('tiny-chat'), 'reference');
    await services.dispose();

    const asked = await hearthBinary(['ask', 'What', 'colour', 'is', 'the', 'fence?', '--data-dir', dataDir]);
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/1 passages given to the model \(keyword search\)\.\n$/);
    // The tiny model's words mean nothing: when they cite nothing, the passages it was given are still listed.
    if (!asked.stdout.includes('\nSources:\n')) {
      expect(asked.stdout).toMatch(/Passages given to the model \(none cited\):\n\[1\] fence\.md \(lines \d+–\d+\)\n/);
    }

    const json = await hearth(['ask', 'fence colour', '--collection', 'Garden', '--data-dir', dataDir, '--json']);
    const { answer } = JSON.parse(json.stdout) as {
      answer: { status: string; trace: { passages: Array<{ relativePath: string; n: number }> } };
    };
    expect(answer.status).toBe('done');
    expect(answer.trace.passages).toEqual([expect.objectContaining({ relativePath: 'fence.md', n: 1 })]);

    const reopened = startServices(dataDir).services;
    expect(reopened.chat.list().map((conversation) => conversation.title)).toEqual([
      'fence colour',
      'What colour is the fence',
    ]);
    await reopened.dispose();

    const unknown = await hearth(['ask', 'x', '--collection', 'nope', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No collection is called "nope" \(collections: Garden\)/);
    // Collections are found the same way everywhere: case aside.
    expect((await hearth(['search', 'fence', '--collection', 'garden', '--data-dir', dataDir])).code).toBe(0);

    // A model is named by id, name or file name; what is wrong with the one given is said, and a
    // failed ask leaves no conversation behind.
    const before = (await hearth(['chats', 'list', '--json', '--data-dir', dataDir])).stdout;
    const noModel = await hearth(['ask', 'x', '--model', 'nope', '--data-dir', dataDir]);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toBe(
      'hearth: No installed model is called "nope" (by id, name or file name); see `hearth models list`.\n',
    );
    const embedding = await hearth([
      'models',
      'import',
      fixtureModel('tiny-embedding'),
      '--json',
      '--data-dir',
      dataDir,
    ]);
    const embeddingId = (JSON.parse(embedding.stdout) as { id: string }).id;
    const wrongRole = await hearth(['ask', 'x', '--model', embeddingId, '--data-dir', dataDir]);
    expect(wrongRole.stderr).toMatch(/tiny-embedding is an embedding model, not a chat model/);
    expect((await hearth(['chats', 'list', '--json', '--data-dir', dataDir])).stdout).toBe(before);
    const byName = await hearth(['ask', 'fence', '--model', 'TINY-CHAT', '--json', '--data-dir', dataDir]);
    expect(byName.code, byName.stderr).toBe(0);
    const inspected = await hearth(['models', 'inspect', 'tiny-chat.gguf', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(inspected.stdout)).toMatchObject({ name: 'tiny-chat' });
  });
});
