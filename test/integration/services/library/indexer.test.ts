import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { extractDocument } from '../../../../electron/services/library/extract';
import { indexCollection } from '../../../../electron/services/library/indexer';
import { stopOcr } from '../../../../electron/services/library/parsers/ocr';
import { addSource, collectionReport, createCollection } from '../../../../electron/services/library/library-store';
import { checkTextQuality } from '../../../../electron/services/library/text/quality';
import { walk } from '../../../../electron/services/library/walk';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { encryptedPdf } from '../../../helpers/encrypted-pdf';
import { outlookMessage, xlsWorkbook } from '../../../helpers/legacy-office';
import { gradientPng, scannedPage } from '../../../helpers/scanned-pdf';
import { indexFingerprint } from '../../../helpers/library';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';
import { walkAsUser } from '../../../helpers/walk-as-user';
import { docx } from '../../../helpers/zip';
import { eventually } from '../../../helpers/eventually';

const tempDir = useTempDir();
const CORPUS = resolve(import.meta.dirname, '../../../../../shared/corpus');
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function open(dataDir = tempDir()): Store {
  const store = openStore({ dataDir });
  stores.push(store);
  return store;
}

async function indexFolder(store: Store, folder: string) {
  const collection = createCollection(store.library, 'test');
  addSource(store.library, collection, { root: folder });
  return {
    collection,
    report: await indexCollection(store.library, collection, { chunking: { maxTokens: 64, overlapTokens: 8 } }),
  };
}

/** A folder with the worst a home folder holds, for the walker and the readers. */
function badInputFolder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'loop'));
  symlinkSync(dir, join(dir, 'loop', 'back-to-top'));
  symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
  writeFileSync(join(dir, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(join(dir, 'latin1.txt'), iconv.encode('Où est le café? À côté de la gare. '.repeat(20), 'latin1'));
  writeFileSync(
    join(dir, 'utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Grüße aus Zürich. '.repeat(20), 'utf16le')]),
  );
  writeFileSync(join(dir, 'one-line.log'), `${'x'.repeat(1000)} `.repeat(5000));
  writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7 and nothing after the header');
  writeFileSync(join(dir, 'salaries.pdf'), encryptedPdf('hunter2'));
  // 300 KB that inflate to 300 MB of one paragraph.
  writeFileSync(
    join(dir, 'bomb.docx'),
    docx(
      Buffer.concat([
        Buffer.from('<w:p><w:r><w:t>'),
        Buffer.alloc(300 * 1024 * 1024, 'a'),
        Buffer.from('</w:t></w:r></w:p>'),
      ]),
    ),
  );
  writeFileSync(
    join(dir, 'memo.docx'),
    docx('<w:p><w:r><w:t>The memo says the bins go out on Tuesday.</w:t></w:r></w:p>'),
  );
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'pkg', 'README.md'), '# ignored');
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, '.hidden', 'secret.md'), '# hidden');
  writeFileSync(join(dir, '.gitignore'), 'drafts/\n*.bak\n');
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'drafts', 'draft.md'), '# draft');
  writeFileSync(join(dir, 'old.bak'), 'old');
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\n## Coffee\n\nGood coffee needs fresh beans.\n');
  return dir;
}

describe('walking a folder', () => {
  it('reports every file it leaves out, follows links safely and honours ignore rules', async () => {
    const dir = badInputFolder();
    const walked = await walk(dir, { maxFileBytes: 1024 * 1024 });
    const rel = (path: string) => relative(dir, path);
    expect(walked.files.map((file) => rel(file.path)).sort()).toEqual([
      'bomb.docx',
      'latin1.txt',
      'memo.docx',
      'notes.md',
      'photo.txt',
      'report.pdf',
      'salaries.pdf',
      'utf16.txt',
    ]);
    expect(walked.skipped.map((s) => [rel(s.path), s.reason]).sort()).toEqual([
      ['dangling.md', 'vanished'],
      ['empty.md', 'empty'],
      ['loop/back-to-top', 'symlink-loop'],
      ['one-line.log', 'too-large'],
    ]);
  });

  it('follows links out and across, stops each loop once, and applies ignore files where they are', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'far.md'), '# far');
    writeFileSync(join(outside, 'far.txt'), 'far');
    const dir = tempDir();
    mkdirSync(join(dir, 'a', 'deep'), { recursive: true });
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'deep', 'one.md'), '# one');
    writeFileSync(join(dir, 'b', 'two.md'), '# two');
    // a → b and b → a: a loop through two links, met from both sides.
    symlinkSync(join(dir, 'b'), join(dir, 'a', 'to-b'));
    symlinkSync(join(dir, 'a'), join(dir, 'b', 'to-a'));
    symlinkSync(outside, join(dir, 'a', 'deep', 'outside'));
    // A link named like an ignored folder is ignored like one, never followed.
    symlinkSync(outside, join(dir, 'node_modules'));
    // An ignore file applies in its folder and below, with git's negation.
    writeFileSync(join(dir, 'b', '.gitignore'), '*.md\n!keep.md\n');
    writeFileSync(join(dir, 'b', 'keep.md'), '# keep');
    writeFileSync(join(dir, 'top.md'), '# top: not under b, so not ignored');
    execFileSync('mkfifo', [join(dir, 'a', 'pipe.md'), join(dir, 'a', '.hearthignore')]);

    const walked = await walk(dir, { include: ['*.md'] });
    expect(walked.files.map((file) => relative(dir, file.path))).toEqual([
      'a/deep/one.md',
      'a/deep/outside/far.md',
      'a/to-b/keep.md',
      'b/keep.md',
      // b's ignore file covers what is reached through b, links included.
      'top.md',
    ]);
    expect(walked.skipped.map((s) => [relative(dir, s.path), s.reason, s.detail])).toEqual([
      ['a/to-b/to-a', 'symlink-loop', 'A link back to a; not followed again.'],
      ['b/to-a/to-b', 'symlink-loop', 'A link back to b; not followed again.'],
    ]);
  });

  it('records a folder it may not read, and goes on', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'a.md'), '# a');
    writeFileSync(join(dir, 'b.md'), '# b');
    chmodSync(join(dir, 'locked'), 0);
    try {
      const walked = await walkAsUser(dir);
      expect(walked.files.map((f) => relative(dir, f.path))).toEqual(['b.md']);
      expect(walked.skipped).toMatchObject([{ path: join(dir, 'locked'), reason: 'unreadable' }]);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});

describe('indexing', () => {
  it('accounts for every file of a bad-input folder with the right reasons, and indexes the rest', async () => {
    const store = open();
    const dir = badInputFolder();
    const { report } = await indexFolder(store, dir);
    expect(report.discovered).toBe(report.indexed + report.skipped + report.quarantined + report.pending);
    expect(report.pending).toBe(0);
    expect(report.skipReasons).toEqual({
      binary: 1,
      empty: 1,
      encrypted: 1,
      'parse-failed': 1,
      'symlink-loop': 1,
      vanished: 1,
      'zip-bomb': 1,
    });
    const status = (name: string) =>
      store.library.prepare('SELECT status, skip_detail FROM documents WHERE path = ?').get(join(dir, name));
    expect(status('photo.txt')).toEqual({ status: 'skipped', skip_detail: 'Binary data (a NUL byte at offset 4).' });
    expect(status('salaries.pdf')).toEqual({ status: 'skipped', skip_detail: 'The PDF is protected by a password.' });
    expect(status('bomb.docx')).toEqual({
      status: 'skipped',
      skip_detail: 'A part of the file expands 1028× to 300 MB: a decompression bomb, not a document.',
    });
    expect(status('memo.docx')).toMatchObject({ status: 'indexed' });
    expect(status('report.pdf')).toMatchObject({
      status: 'skipped',
      skip_detail: expect.stringMatching(/^The PDF could not be read/),
    });
    // A 5 MB file on one line is cut at spaces into chunks of the usual size.
    const longest = store.library
      .prepare(
        `SELECT count(*) AS n, max(tokens) AS most FROM chunks WHERE document_id = (SELECT id FROM documents WHERE path = ?)`,
      )
      .get(join(dir, 'one-line.log')) as { n: number; most: number };
    expect(longest.n).toBeGreaterThan(1000);
    expect(longest.most).toBeLessThanOrEqual(128);
    const texts = store.library
      .prepare('SELECT d.path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id')
      .all() as Array<{
      path: string;
      text: string;
    }>;
    expect(texts.find((t) => t.path.endsWith('latin1.txt'))?.text).toContain('Où est le café?');
    expect(texts.find((t) => t.path.endsWith('utf16.txt'))?.text).toContain('Grüße aus Zürich.');
  });

  it('reads scanned PDFs and photographed pages by OCR, and says why when it cannot', async () => {
    const dir = tempDir();
    const { pdf, jpeg } = await scannedPage(readFileSync(join(CORPUS, 'pdf', 'tracemonkey.pdf')), 1);
    writeFileSync(join(dir, 'scan.pdf'), pdf);
    writeFileSync(join(dir, 'photo-of-page.jpg'), jpeg);
    writeFileSync(join(dir, 'sunset.png'), await gradientPng());
    writeFileSync(join(dir, 'broken.png'), Buffer.from('\x89PNG\r\n\x1a\n but the rest is not a picture'));
    const store = open();
    const collection = createCollection(store.library, 'scans');
    addSource(store.library, collection, { root: dir });
    const report = await indexCollection(store.library, collection, {
      extract: { ocr: { enabled: true, maxPages: 5 } },
    });
    await stopOcr();
    const row = (name: string) =>
      store.library
        .prepare(
          `SELECT d.status, d.skip_reason, d.skip_detail, group_concat(c.text, ' ') AS text, min(c.page) AS page
           FROM documents d LEFT JOIN chunks c ON c.document_id = d.id WHERE d.path = ? GROUP BY d.id`,
        )
        .get(join(dir, name)) as {
        status: string;
        skip_reason: string | null;
        text: string | null;
        page: number | null;
      };
    expect(row('scan.pdf')).toMatchObject({ status: 'indexed', page: 1 });
    expect(row('scan.pdf').text).toMatch(/Trace-based Just-in-Time Type Specialization/);
    expect(row('photo-of-page.jpg')).toMatchObject({ status: 'indexed' });
    expect(row('photo-of-page.jpg').text).toMatch(/Dynamic\s+Languages/);
    expect(row('sunset.png')).toMatchObject({ status: 'skipped', skip_reason: 'no-text' });
    expect(row('broken.png')).toMatchObject({ status: 'skipped', skip_reason: 'parse-failed' });
    expect(report).toMatchObject({ discovered: 4, indexed: 2, skipped: 2, pending: 0 });

    // Off, or past the page limit: skipped with that reason, nothing read.
    const off = await extractDocument(join(dir, 'scan.pdf'), pdf, { ocr: { enabled: false, maxPages: 5 } });
    expect(off).toMatchObject({ ok: false, reason: 'no-text', detail: expect.stringMatching(/OCR is off/) });
    const long = await extractDocument(join(dir, 'scan.pdf'), pdf, { ocr: { enabled: true, maxPages: 0 } });
    expect(long).toMatchObject({ ok: false, reason: 'ocr-limit' });
  }, 120_000);

  it('reads legacy Excel and Outlook files, and says what to do with legacy PowerPoint', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'budget.xls'),
      xlsWorkbook('Garden', [
        ['Item', 'Cost'],
        ['Seeds', 12.5],
        ['Compost', 30],
      ]),
    );
    writeFileSync(
      join(dir, 'rota.msg'),
      outlookMessage({ subject: 'Allotment rota', from: 'Ada Gardener', body: 'Water the tomatoes on Tuesdays.' }),
    );
    writeFileSync(join(dir, 'slides.ppt'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const store = open();
    const { report } = await indexFolder(store, dir);
    const rows = store.library
      .prepare(
        `SELECT d.path, d.type, d.status, d.skip_detail, c.text, c.heading_path FROM documents d
         LEFT JOIN chunks c ON c.document_id = d.id ORDER BY d.path, c.ordinal`,
      )
      .all() as Array<{
      path: string;
      type: string;
      status: string;
      skip_detail: string;
      text: string;
      heading_path: string;
    }>;
    const of = (name: string) => rows.filter((row) => row.path === join(dir, name));
    expect(of('budget.xls')[0]).toMatchObject({ type: 'xls', status: 'indexed', heading_path: 'Garden' });
    expect(
      of('budget.xls')
        .map((row) => row.text)
        .join('\n'),
    ).toContain('Seeds | 12.5');
    expect(of('rota.msg')[0]).toMatchObject({ type: 'msg', status: 'indexed', heading_path: 'Allotment rota' });
    expect(
      of('rota.msg')
        .map((row) => row.text)
        .join('\n'),
    ).toMatch(/From: Ada Gardener[\s\S]*Water the tomatoes/);
    expect(of('slides.ppt')[0]).toMatchObject({
      status: 'skipped',
      skip_detail: 'Legacy PowerPoint (.ppt) files are not read: save the presentation as .pptx to index it.',
    });
    expect(report).toMatchObject({ discovered: 3, indexed: 2, skipped: 1 });
  });

  it('cuts a 50 MB file on one line into chunks of the usual size', async () => {
    const dir = tempDir();
    const words = 'checkout ok user=ada latency=12ms status=200 path=/api/orders ';
    writeFileSync(join(dir, 'server.log'), words.repeat(Math.floor((50 * 1000 * 1000) / words.length)));
    const store = open();
    const { report } = await indexFolder(store, dir);
    expect(report).toMatchObject({ indexed: 1, pending: 0 });
    const chunks = store.library.prepare('SELECT count(*) AS n, max(tokens) AS most FROM chunks').get() as {
      n: number;
      most: number;
    };
    expect(chunks.n).toBeGreaterThan(50_000);
    expect(chunks.most).toBeLessThanOrEqual(128);
  }, 120_000);

  it('indexes all 7,425 tldr pages: every file accounted for, heading paths kept, no garbage', async () => {
    const store = open();
    const started = performance.now();
    const { collection, report } = await indexFolder(store, join(CORPUS, 'tldr'));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `tldr: ${report.discovered} files (${JSON.stringify(report.byType)}), ${report.chunks} chunks in ${seconds.toFixed(1)} s, skipped ${JSON.stringify(report.skipReasons)}`,
    );
    expect(report.discovered).toBe(report.indexed + report.skipped + report.quarantined + report.pending);
    expect(report.pending).toBe(0);
    expect(report.byType['markdown']?.indexed).toBe(7425);
    const rows = store.library
      .prepare(
        'SELECT c.text, c.heading_path FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.collection_id = ?',
      )
      .all(collection) as Array<{ text: string; heading_path: string }>;
    // Markdown is read as it is, so its `<https://…>` links are content, not leftover markup.
    expect(rows.filter((row) => !checkTextQuality(row.text, { converted: false }).ok)).toEqual([]);
    expect(rows.filter((row) => row.heading_path !== '').length / rows.length).toBeGreaterThan(0.95);
    const hit = store.library
      .prepare(
        `SELECT d.path FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN documents d ON d.id = c.document_id
         WHERE chunks_fts MATCH 'tar AND archiving AND gzip'`,
      )
      .all() as Array<{ path: string }>;
    expect(hit.map((row) => relative(CORPUS, row.path))).toContain('tldr/pages/common/tar.md');
    expect(store.library.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('indexes the PDF, Word, legacy Office, OpenDocument, EPUB and e-mail corpus: every file accounted for, pages and headings kept', async () => {
    const store = open();
    const collection = createCollection(store.library, 'formats');
    for (const folder of ['pdf', 'docx', 'formats'])
      addSource(store.library, collection, { root: join(CORPUS, folder) });
    const report = await indexCollection(store.library, collection);
    console.log(
      `pdf/docx/formats: ${report.discovered} files, indexed ${report.indexed}, skipped ${JSON.stringify(report.skipReasons)}, by type ${JSON.stringify(report.byType)}`,
    );
    expect(report.discovered).toBe(report.indexed + report.skipped + report.quarantined + report.pending);
    expect(report.pending).toBe(0);
    expect(report.quarantined).toBe(0);
    expect(report.byType['pdf']?.indexed).toBeGreaterThanOrEqual(25);
    expect(report.byType['docx']?.indexed).toBeGreaterThanOrEqual(15);
    // Legacy Word, e-mail, EPUB and OpenDocument/OOXML through their parsers; nothing left unread.
    expect(report.byType['doc']?.indexed).toBeGreaterThanOrEqual(20);
    expect(report.byType['email']?.indexed).toBe(12);
    expect(report.byType['epub']?.indexed).toBeGreaterThanOrEqual(10);
    for (const type of ['odt', 'ods', 'odp', 'pptx', 'xlsx'])
      expect(report.byType[type]?.indexed, type).toBeGreaterThan(0);
    expect(report.byType['unsupported']).toBeUndefined();
    // A rescan of a collection with three folders keeps each folder's documents (each walk only
    // answers for its own folder).
    expect(await indexCollection(store.library, collection)).toEqual(report);

    const chunks = store.library
      .prepare(
        `SELECT d.path, d.type, c.text, c.page, c.heading_path FROM chunks c JOIN documents d ON d.id = c.document_id
         WHERE d.collection_id = ?`,
      )
      .all(collection) as Array<{
      path: string;
      type: string;
      text: string;
      page: number | null;
      heading_path: string;
    }>;
    expect(chunks.filter((c) => c.type === 'pdf').every((c) => Number.isInteger(c.page) && c.page! >= 1)).toBe(true);
    const paper = chunks.filter((c) => c.path.endsWith('tracemonkey.pdf'));
    expect(new Set(paper.map((c) => c.page)).size).toBe(14);
    expect(chunks.some((c) => c.type === 'docx' && c.heading_path !== '')).toBe(true);
    // Converted formats hold no markup, and nothing indexed is garbage.
    expect(chunks.filter((c) => !checkTextQuality(c.text).ok && c.type !== 'text' && c.type !== 'code')).toEqual([]);
    const skipped = store.library
      .prepare(`SELECT path, skip_reason, skip_detail FROM documents WHERE collection_id = ? AND status = 'skipped'`)
      .all(collection) as Array<{ path: string; skip_reason: string; skip_detail: string }>;
    expect(skipped.every((row) => row.skip_detail.length > 10)).toBe(true);
  });

  it('follows edits, renames and deletions on the next scan, and leaves unchanged files alone', async () => {
    const store = open();
    const dir = tempDir();
    cpSync(join(CORPUS, 'tldr', 'pages', 'common'), dir, {
      recursive: true,
      filter: (p) => !/\/[m-z][^/]*\.md$/.test(p),
    });
    const { collection } = await indexFolder(store, dir);
    const indexedAt = (name: string) =>
      (
        store.library.prepare('SELECT indexed_at FROM documents WHERE path = ?').get(join(dir, name)) as {
          indexed_at: number;
        }
      ).indexed_at;
    const before = indexedAt('git.md');
    const chunkIds = (name: string) =>
      store.library
        .prepare('SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.path = ? ORDER BY c.id')
        .all(join(dir, name));
    const curlChunks = chunkIds('curl.md');
    const curlIndexedAt = indexedAt('curl.md');
    // Hidden files (a name starting with a dot, like tldr's `..md`) are not walked into.
    const count = readdirSync(dir).filter((name) => !name.startsWith('.')).length;

    writeFileSync(
      join(dir, 'cat.md'),
      '# cat\n\n> Print files.\n\n- Print a file: `cat {{file}}`\n- Hearthstone marker\n',
    );
    renameSync(join(dir, 'curl.md'), join(dir, 'curl-renamed.md'));
    rmSync(join(dir, 'awk.md'));
    const report = await indexCollection(store.library, collection);
    expect(report.discovered).toBe(count - 1);
    expect(indexedAt('git.md')).toBe(before);
    const match = (query: string) =>
      (
        store.library
          .prepare(
            `SELECT d.path FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN documents d ON d.id = c.document_id WHERE chunks_fts MATCH ?`,
          )
          .all(query) as Array<{ path: string }>
      ).map((row) => relative(dir, row.path));
    expect(match('hearthstone')).toEqual(['cat.md']);
    expect(match('curl').every((path) => path !== 'curl.md')).toBe(true);
    expect(match('curl')).toContain('curl-renamed.md');
    // A rename moves the row: same chunks (same ids), not read or chunked again.
    expect(chunkIds('curl-renamed.md')).toEqual(curlChunks);
    expect(indexedAt('curl-renamed.md')).toBe(curlIndexedAt);
    expect(
      store.library.prepare('SELECT count(*) AS n FROM documents WHERE path = ?').get(join(dir, 'awk.md')),
    ).toEqual({ n: 0 });
  });
});

describe('failures', () => {
  it('stops the run, blaming no file, when the embedding model cannot count tokens', async () => {
    const store = open();
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '# A\n\nFine.\n');
    const collection = createCollection(store.library, 'test');
    addSource(store.library, collection, { root: dir });
    const unloaded = new HearthError('CANCELLED', 'tiny-embedding was unloaded.');
    const run = indexCollection(store.library, collection, {
      chunking: { maxTokens: 64, countTokens: () => Promise.reject(unloaded) },
    });
    await expect(run).rejects.toBe(unloaded);
    expect(store.library.prepare('SELECT status, attempts FROM documents').get()).toEqual({
      status: 'pending',
      attempts: 0,
    });
  });

  it('quarantines a file that fails twice, with its error, and indexes the rest', async () => {
    const store = open();
    const dir = tempDir();
    writeFileSync(join(dir, 'good.md'), '# Good\n\nThis one is fine.\n');
    writeFileSync(join(dir, 'shifty.md'), '# Shifty\n\nA file that turns into a folder.\n');
    const collection = createCollection(store.library, 'test');
    addSource(store.library, collection, { root: dir });
    let swapped = false;
    const report = await indexCollection(store.library, collection, {
      // Right after the scan: the file becomes a folder, so reading it fails (EISDIR) every time.
      onProgress: ({ progress }) => {
        if (swapped || progress.stage !== 'reading') return;
        swapped = true;
        rmSync(join(dir, 'shifty.md'));
        mkdirSync(join(dir, 'shifty.md'));
      },
    });
    expect(report).toMatchObject({ discovered: 2, indexed: 1, quarantined: 1, pending: 0 });
    expect(
      store.library
        .prepare('SELECT status, attempts, skip_reason, skip_detail FROM documents WHERE path = ?')
        .get(join(dir, 'shifty.md')),
    ).toEqual({
      status: 'quarantined',
      attempts: 2,
      skip_reason: 'parse-failed',
      skip_detail: expect.stringMatching(/^Failed 2 times; last error: .*EISDIR/),
    });
  });
});

describe('crash safety', () => {
  /** Runs the indexer in its own process; kills it with SIGKILL after `killAfterMs` unless it ends first. */
  function runChild(dataDir: string, folder: string, killAfterMs: number | null): Promise<'done' | 'killed'> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/index-child.ts', dataDir, folder], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (data: Buffer) => (output += data.toString()));
      const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (timer) clearTimeout(timer);
        if (signal === 'SIGKILL') resolvePromise('killed');
        else if (code === 0 && output.includes('done')) resolvePromise('done');
        else reject(new Error(`indexer exited with ${code ?? signal}`));
      });
    });
  }

  it('the indexing process of a killed run stops too, and holds the lock until it has', async () => {
    // All 7,425 pages: more than a few seconds of work, so an orphan that went on would be seen.
    const folder = join(CORPUS, 'tldr', 'pages');
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
    const run = runChild(dataDir, folder, null);
    // The run's own pid, then its indexing process's, once that has started.
    await eventually(() => holders().length === 2, 60_000, 'the indexing process did not start');
    const [parent, indexer] = holders() as [number, number];
    process.kill(parent, 'SIGKILL');
    expect(await run).toBe('killed');
    // Gone, or a zombie: the orphan's new parent (the container's init) may never reap it.
    const alive = (pid: number) => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
      } catch {
        return false;
      }
    };
    await eventually(() => !alive(indexer), 10_000, 'the orphaned indexing process kept running');
    // It stopped, rather than finished: work is left for the next run.
    expect(collectionReport(open(dataDir).library, 1).indexed).toBeLessThan(7425);
  }, 120_000);

  it('kill -9 at 20 random moments, then a full run, gives the index of an uninterrupted run', async () => {
    const folder = tempDir();
    cpSync(join(CORPUS, 'tldr', 'pages', 'common'), folder, {
      recursive: true,
      // The files starting with "a" (about 240): enough for many batches, few enough that
      // 20 kills and reruns, each starting Hearth and its model, stay within a couple of minutes.
      filter: (p) => !/\/[b-z][^/]*\.md$/.test(p),
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
    const started = performance.now();
    expect(await runChild(reference, folder, null)).toBe('done');
    const runMs = performance.now() - started;
    const expected = (() => {
      const store = open(reference);
      return indexFingerprint(store.library);
    })();
    expect(expected.chunks).toBeGreaterThan(200);
    expect(expected.vectors).toBe(expected.chunks);

    const crashed = await withEmbedder();
    // A fixed sequence of "random" moments, so a failure can be replayed: spread over an uninterrupted run:
    // start-up, the scan, reading files and embedding.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const outcomes: string[] = [];
    // Until 20 runs were killed: early kills land in start-up and the scan, later ones mid-indexing
    // or embedding, and once the index is complete, in the rescan of a finished index. A run that
    // finishes shows how long what is left takes: later kills are drawn from within that time.
    let window = runMs;
    while (outcomes.filter((o) => o === 'killed').length < 20 && outcomes.length < 60) {
      const killAfter = 150 + Math.floor(next() * window);
      const runStarted = performance.now();
      const outcome = await runChild(crashed, folder, killAfter);
      if (outcome === 'done') window = Math.max(100, performance.now() - runStarted - 150);
      outcomes.push(outcome);
    }
    outcomes.push(await runChild(crashed, folder, null));
    const killed = outcomes.filter((o) => o === 'killed').length;
    console.log(
      `kill -9 runs (an uninterrupted run takes ${Math.round(runMs)} ms): ${killed} killed, ${outcomes.length - killed - 1} finished early, then ${outcomes.at(-1)}`,
    );
    expect(killed).toBeGreaterThanOrEqual(20);
    expect(outcomes.at(-1)).toBe('done');

    const store = open(crashed);
    expect(store.library.pragma('integrity_check', { simple: true })).toBe('ok');
    store.library.exec("INSERT INTO chunks_fts (chunks_fts) VALUES ('integrity-check')");
    expect(indexFingerprint(store.library)).toEqual(expected);
    expect(collectionReport(store.library, 1).pending).toBe(0);
  }, 300_000);
});
