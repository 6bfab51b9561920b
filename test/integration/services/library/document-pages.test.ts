import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollection } from '../../../../electron/services/library/collection-writes';
import { listDocuments } from '../../../../electron/services/library/reads/document-reads';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

describe('the file table’s pages', () => {
  it('never skip or repeat a row that did not change, while indexing moves others between pages', () => {
    store = openStore({ dataDir: join(tempDir(), 'data') });
    const db = store.library;
    const collectionId = createCollection(db, 'Notes');
    const insert = db.prepare(
      `INSERT INTO documents (collection_id, path, size, mtime_ms, type, status) VALUES (?, ?, 1, 0, 'text', ?)`,
    );
    for (let i = 0; i < 30; i++) insert.run(collectionId, `/notes/p${String(i).padStart(2, '0')}.md`, 'pending');
    for (let i = 0; i < 30; i++) insert.run(collectionId, `/notes/i${String(i).padStart(2, '0')}.md`, 'indexed');

    const first = listDocuments(db, collectionId, { limit: 10 }).documents;
    expect(first.map((row) => row.path)).toEqual(
      Array.from({ length: 10 }, (_, i) => `/notes/p${String(i).padStart(2, '0')}.md`),
    );
    // Meanwhile the indexer reads the first twelve waiting files: they move to the indexed group.
    db.prepare(`UPDATE documents SET status = 'indexed' WHERE path < '/notes/p12.md' AND path LIKE '/notes/p%'`).run();
    const pages = [first];
    for (;;) {
      const last = pages.at(-1)!.at(-1)!;
      const next = listDocuments(db, collectionId, { after: { status: last.status, path: last.path }, limit: 10 });
      if (next.documents.length === 0) break;
      pages.push(next.documents);
    }
    const seen = pages.flat().map((row) => row.path);
    // Every file that kept its status is shown exactly once (pages by offset skipped p10 and p11's
    // successors here: the twelve that moved shifted every later offset).
    const unchanged = [
      ...Array.from({ length: 18 }, (_, i) => `/notes/p${String(i + 12).padStart(2, '0')}.md`),
      ...Array.from({ length: 30 }, (_, i) => `/notes/i${String(i).padStart(2, '0')}.md`),
    ];
    for (const path of unchanged) expect(seen.filter((p) => p === path)).toHaveLength(1);
  });
});
