import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { HearthError } from '../../../../electron/ipc/errors';
import { extractDocument } from '../../../../electron/services/library/extract';
import { indexCollection } from '../../../../electron/services/library/indexer';
import { stopOcr } from '../../../../electron/services/library/parsers/ocr';
import { addSource, createCollection } from '../../../../electron/services/library/collection-writes';
import { checkTextQuality } from '../../../../electron/services/library/text/quality';
import { walk } from '../../../../electron/services/library/walk';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { encryptedPdf } from '../../../helpers/encrypted-pdf';
import { outlookMessage, xlsWorkbook } from '../../../helpers/legacy-office';
import { gradientPng, scannedPage } from '../../../helpers/scanned-pdf';
import { noisePictures } from '../../../helpers/pictures';
import { useTempDir } from '../../../helpers/temp-dir';
import { walkAsUser } from '../../../helpers/walk-as-user';
import { docx } from '../../../helpers/zip';
import { CORPUS } from '../../../helpers/corpus';
import { itOnPosix, posixPath } from '../../../helpers/platform';
import { writeGeneratedPages } from '../../../helpers/generated-pages';

const tempDir = useTempDir();
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
  // A program saved with a text file's name (a JPEG would be read as the picture it is).
  writeFileSync(join(dir, 'program.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
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
  itOnPosix('reports every file it leaves out, follows links safely and honours ignore rules', async () => {
    const dir = badInputFolder();
    const walked = await walk(dir, { maxFileBytes: 1024 * 1024 });
    const rel = (path: string) => posixPath(relative(dir, path));
    expect(walked.files.map((file) => rel(file.path)).sort()).toEqual([
      'bomb.docx',
      'latin1.txt',
      'memo.docx',
      'notes.md',
      'program.txt',
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

  itOnPosix(
    'follows links across, not out of the folder unless asked, stops each loop once, and applies ignore files where they are',
    async () => {
      const outside = tempDir();
      writeFileSync(join(outside, 'far.md'), '# far');
      writeFileSync(join(outside, 'far.txt'), 'far');
      const dir = tempDir();
      mkdirSync(join(dir, 'a', 'deep'), { recursive: true });
      mkdirSync(join(dir, 'b'));
      mkdirSync(join(dir, '.secret'));
      writeFileSync(join(dir, 'a', 'deep', 'one.md'), '# one');
      writeFileSync(join(dir, 'b', 'two.md'), '# two');
      writeFileSync(join(dir, '.secret', 'key.md'), '# a hidden file');
      // a → b and b → a: a loop through two links, met from both sides.
      symlinkSync(join(dir, 'b'), join(dir, 'a', 'to-b'));
      symlinkSync(join(dir, 'a'), join(dir, 'b', 'to-a'));
      // Out of the folder: a folder and a file elsewhere, and a dangerous place.
      symlinkSync(outside, join(dir, 'a', 'deep', 'outside'));
      symlinkSync(join(outside, 'far.md'), join(dir, 'far-link.md'));
      // A visible name for a hidden place: the hidden rule applies to where a link leads.
      symlinkSync(join(dir, '.secret'), join(dir, 'not-secret'));
      symlinkSync(join(dir, '.secret', 'key.md'), join(dir, 'key-link.md'));
      // A link named like an ignored folder is ignored like one, never followed.
      symlinkSync(outside, join(dir, 'node_modules'));
      // An ignore file applies in its folder and below, with git's negation.
      writeFileSync(join(dir, 'b', '.gitignore'), '*.md\n!keep.md\n');
      writeFileSync(join(dir, 'b', 'keep.md'), '# keep');
      writeFileSync(join(dir, 'top.md'), '# top: not under b, so not ignored');
      // Pipes: recorded, never opened (a hidden one is left out like any hidden file).
      execFileSync('mkfifo', [join(dir, 'a', 'pipe.md'), join(dir, 'a', '.hearthignore'), join(dir, 'a', 'pipe.txt')]);
      symlinkSync(join(dir, 'a', 'pipe.md'), join(dir, 'pipe-link.md'));

      const walked = await walk(dir, { include: ['*.md'] });
      const rel = (path: string) => posixPath(relative(dir, path));
      expect(walked.files.map((file) => rel(file.path))).toEqual([
        'a/deep/one.md',
        'a/to-b/keep.md',
        'b/keep.md',
        // b's ignore file covers what is reached through b, links included.
        'top.md',
      ]);
      expect(walked.skipped.map((s) => [rel(s.path), s.reason, s.detail])).toEqual([
        ['a/pipe.md', 'not-a-file', 'A pipe, socket or device, not a file: not read.'],
        [
          'a/deep/outside',
          'outside-folder',
          `A link to ${outside}, outside the folder: not followed. Allow links out of the folder in its rules to index it.`,
        ],
        ['a/to-b/to-a', 'symlink-loop', 'A link back to a; not followed again.'],
        // The same link, reached another way, is recorded under that path too.
        [
          'b/to-a/deep/outside',
          'outside-folder',
          `A link to ${outside}, outside the folder: not followed. Allow links out of the folder in its rules to index it.`,
        ],
        ['b/to-a/to-b', 'symlink-loop', 'A link back to b; not followed again.'],
        [
          'far-link.md',
          'outside-folder',
          `A link to ${join(outside, 'far.md')}, outside the folder: not followed. Allow links out of the folder in its rules to index it.`,
        ],
        ['pipe-link.md', 'not-a-file', 'A link to a pipe, socket or device, not a file: not read.'],
      ]);

      // Allowed for this folder: links out are followed, still not into hidden places.
      const allowed = await walk(dir, { include: ['*.md'], followLinksOutside: true });
      expect(allowed.files.map((file) => rel(file.path))).toEqual([
        'a/deep/one.md',
        'a/deep/outside/far.md',
        'a/to-b/keep.md',
        'b/keep.md',
        'far-link.md',
        'top.md',
      ]);
    },
  );

  itOnPosix('records a folder it may not read, and goes on', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'a.md'), '# a');
    writeFileSync(join(dir, 'b.md'), '# b');
    chmodSync(join(dir, 'locked'), 0);
    try {
      const walked = await walkAsUser(dir);
      expect(walked.files.map((f) => posixPath(relative(dir, f.path)))).toEqual(['b.md']);
      expect(walked.skipped).toMatchObject([{ path: join(dir, 'locked'), reason: 'unreadable' }]);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});

describe('indexing', () => {
  itOnPosix('accounts for every file of a bad-input folder with the right reasons, and indexes the rest', async () => {
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
    expect(status('program.txt')).toEqual({ status: 'skipped', skip_detail: 'Binary data (a NUL byte at offset 7).' });
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
    // Textures tesseract reads letters into ("yA Ga RN"): no word of them is confident.
    for (const { name, image } of await noisePictures()) writeFileSync(join(dir, `${name}.jpg`), image);
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
    for (const name of ['noise', 'foliage', 'tiles', 'stray-letters', 'scribble', 'face']) {
      expect(row(`${name}.jpg`), name).toMatchObject({ status: 'skipped', skip_reason: 'no-text' });
    }
    expect(row('broken.png')).toMatchObject({ status: 'skipped', skip_reason: 'parse-failed' });
    expect(report).toMatchObject({ discovered: 10, indexed: 2, skipped: 8, pending: 0 });

    // Off, or past the page limit: skipped with that reason, nothing read.
    const off = await extractDocument(join(dir, 'scan.pdf'), pdf, { ocr: { enabled: false, maxPages: 5 } });
    expect(off).toMatchObject({ ok: false, reason: 'no-text', detail: expect.stringMatching(/OCR is off/) });
    const long = await extractDocument(join(dir, 'scan.pdf'), pdf, { ocr: { enabled: true, maxPages: 0 } });
    expect(long).toMatchObject({ ok: false, reason: 'ocr-limit' });
  });

  it('re-reads the scans skipped while OCR was off once it is on, and no other file', async () => {
    const dir = tempDir();
    const { pdf } = await scannedPage(readFileSync(join(CORPUS, 'pdf', 'tracemonkey.pdf')), 1);
    writeFileSync(join(dir, 'scan.pdf'), pdf);
    cpSync(join(CORPUS, 'pdf', 'franz.pdf'), join(dir, 'text-layer.pdf'));
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nPlant the garlic in October.\n');
    const store = open();
    const collection = createCollection(store.library, 'scans');
    addSource(store.library, collection, { root: dir });
    const read: string[] = [];
    const index = (ocr: { enabled: boolean; maxPages: number }) =>
      indexCollection(store.library, collection, { extract: { ocr }, onDocument: ({ path }) => read.push(path) });
    const off = { enabled: false, maxPages: 5 };
    expect(await index(off)).toMatchObject({ indexed: 2, skipped: 1, skipReasons: { 'no-text': 1 } });
    read.length = 0;
    await index(off);
    expect(read).toEqual([]);
    const on = await index({ enabled: true, maxPages: 5 });
    await stopOcr();
    expect(read).toEqual([join(dir, 'scan.pdf')]);
    expect(on).toMatchObject({ indexed: 3, skipped: 0 });
    // Read by OCR under these settings, it stays read while they hold.
    read.length = 0;
    await index({ enabled: true, maxPages: 5 });
    expect(read).toEqual([]);
  });

  it('reads legacy Excel and Outlook files, and says why a broken legacy PowerPoint file cannot be read', async () => {
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
      skip_detail: expect.stringMatching(/^The PowerPoint 97–2003 file could not be read: /),
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
  });

  it('indexes 4,000 generated pages: every file accounted for, heading paths kept, no garbage', async () => {
    const store = open();
    const dir = tempDir();
    const pages = writeGeneratedPages(dir, { count: 4000 });
    const { collection, report } = await indexFolder(store, dir);
    expect(report.discovered).toBe(report.indexed + report.skipped + report.quarantined + report.pending);
    expect(report.pending).toBe(0);
    expect(report.byType['markdown']?.indexed).toBe(pages.files.length);
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
         WHERE chunks_fts MATCH ?`,
      )
      .all(pages.marker.words.join(' AND ')) as Array<{ path: string }>;
    expect(hit.map((row) => posixPath(relative(dir, row.path)))).toEqual([pages.marker.file]);
    expect(store.library.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('indexes the PDF, Word, legacy Office, OpenDocument, EPUB and e-mail corpus: every file accounted for, pages and headings kept', async () => {
    const store = open();
    const collection = createCollection(store.library, 'formats');
    for (const folder of ['pdf', 'docx', 'formats'])
      addSource(store.library, collection, { root: join(CORPUS, folder) });
    const report = await indexCollection(store.library, collection);
    expect(report.discovered).toBe(report.indexed + report.skipped + report.quarantined + report.pending);
    expect(report).toMatchObject({ discovered: 57, pending: 0, quarantined: 0 });
    // What each file of the committed corpus gives (test/fixtures/corpus/SOURCES.md).
    expect(report.byType).toEqual({
      pdf: { indexed: 7, skipped: 4 },
      docx: { indexed: 12, skipped: 2 },
      doc: { indexed: 8, skipped: 1 },
      email: { indexed: 8 },
      epub: { indexed: 3 },
      odp: { indexed: 1 },
      ods: { indexed: 1 },
      odt: { indexed: 1 },
      pptx: { indexed: 1 },
      rtf: { indexed: 2, skipped: 1 },
      text: { indexed: 4 },
      xlsx: { indexed: 1 },
    });
    expect(report.skipReasons).toEqual({ 'garbage-text': 1, 'no-text': 5, empty: 1, 'parse-failed': 1 });
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
    expect(paper.find((c) => c.page === 1)?.text).toMatch(/Trace-based Just-in-Time Type Specialization/);
    // A Chinese PDF in a CID-keyed font, read through pdf.js's character maps.
    expect(chunks.find((c) => c.path.endsWith('XiaoBiaoSong.pdf'))?.text).toContain('关于红军作战的原则');
    expect(chunks.some((c) => c.type === 'docx' && c.heading_path !== '')).toBe(true);
    expect(chunks.some((c) => c.type === 'doc' && /\bLorem ipsum\b|\w{4,} \w{4,}/.test(c.text))).toBe(true);
    expect(chunks.some((c) => c.type === 'email' && c.heading_path !== '')).toBe(true);
    // Converted formats hold no markup, and nothing indexed is garbage.
    // (A chunk may be short: only garbage counts here, not a chunk of a few characters.)
    const garbage = (text: string) => {
      const verdict = checkTextQuality(text);
      return !verdict.ok && verdict.reason === 'garbage-text';
    };
    expect(chunks.filter((c) => garbage(c.text) && c.type !== 'text' && c.type !== 'code')).toEqual([]);
    const skipped = store.library
      .prepare(`SELECT path, skip_reason, skip_detail FROM documents WHERE collection_id = ? AND status = 'skipped'`)
      .all(collection) as Array<{ path: string; skip_reason: string; skip_detail: string }>;
    expect(skipped.every((row) => row.skip_detail.length > 10)).toBe(true);
    expect(skipped.map((row) => [posixPath(relative(CORPUS, row.path)), row.skip_reason]).sort()).toEqual([
      ['docx/empty.docx', 'no-text'],
      ['docx/tiny-picture.docx', 'no-text'],
      ['formats/officeparser/test__files__test.rtf', 'empty'],
      ['formats/word-extractor/__tests____data__badfile-01-bad-header.doc', 'parse-failed'],
      ['pdf/TAMReview.pdf', 'garbage-text'],
      // One character of a test font: no words.
      ['pdf/bug1028735.pdf', 'no-text'],
      ['pdf/issue15590.pdf', 'no-text'],
      ['pdf/issue7891_bc1.pdf', 'no-text'],
    ]);
  });

  it('follows edits, renames and deletions on the next scan, and leaves unchanged files alone', async () => {
    const store = open();
    const dir = tempDir();
    cpSync(join(CORPUS, 'tldr', 'pages', 'common'), dir, {
      recursive: true,
      filter: (p) => !/[/\\][m-z][^/\\]*\.md$/.test(p),
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
      ).map((row) => posixPath(relative(dir, row.path)));
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
