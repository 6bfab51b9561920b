import { cpSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { startServices } from '../../../helpers/services';
import { eventually } from '../../../helpers/eventually';
import { useTempDir } from '../../../helpers/temp-dir';
import { CORPUS } from '../../../helpers/corpus';

const tempDir = useTempDir();
const OSX = join(CORPUS, 'tldr/pages/osx');
const FOLLOW = 'the index did not follow the change in time';
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('folder sync', () => {
  it('follows an edit, a rename and a deletion on disk, keeping the chunks of the renamed file', async () => {
    const folder = tempDir();
    cpSync(OSX, folder, { recursive: true, filter: (p) => !/[/\\][d-z][^/\\]*\.md$/.test(p) });
    services = startServices(tempDir(), { library: { syncDebounceMs: 200 } }).services;
    const s = services;
    const collection = s.library.createCollection('Mac');
    s.library.addFolder(collection.id, folder);
    await s.library.startSync();
    const db = s.store.library;
    const rows = () =>
      db.prepare('SELECT path, id FROM documents ORDER BY path').all() as Array<{ path: string; id: number }>;
    const match = (query: string) =>
      (
        db
          .prepare(
            `SELECT d.path FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN documents d ON d.id = c.document_id WHERE chunks_fts MATCH ?`,
          )
          .all(query) as Array<{ path: string }>
      ).map((row) => relative(folder, row.path));
    const before = rows();
    expect(before.length).toBeGreaterThan(10);
    const [first, second, third] = before.map((row) => relative(folder, row.path));
    const chunkIds = (name: string) =>
      db
        .prepare('SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.path = ? ORDER BY c.id')
        .all(join(folder, name));
    const movedChunks = chunkIds(second!);

    writeFileSync(join(folder, first!), '# edited\n\n> Now mentions quokkas.\n');
    await eventually(() => match('quokkas').includes(first!), 15_000, FOLLOW);

    renameSync(join(folder, second!), join(folder, `renamed-${second}`));
    await eventually(() => rows().some((row) => row.path.endsWith(`renamed-${second}`)), 15_000, FOLLOW);
    expect(chunkIds(`renamed-${second}`)).toEqual(movedChunks);

    rmSync(join(folder, third!));
    await eventually(() => !rows().some((row) => row.path === join(folder, third!)), 15_000, FOLLOW);
    expect(s.library.collections()[0]!.report).toMatchObject({ pending: 0, discovered: before.length - 1 });
  });
});
