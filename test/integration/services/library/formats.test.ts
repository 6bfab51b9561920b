import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../electron/services/library/extract';
import { indexCollection } from '../../../../electron/services/library/indexer';
import { addSource, createCollection } from '../../../../electron/services/library/collection-writes';
import { slowestDocuments } from '../../../../electron/services/library/reads/document-reads';
import { READERS } from '../../../../electron/services/library/readers';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { formatSamples, type FormatSample } from '../../../helpers/format-samples';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const NO_OCR = { ocr: { enabled: false, maxPages: 0 } };
const samples = formatSamples();

function writeSamples(dir: string, list: readonly FormatSample[] = samples): void {
  for (const sample of list) {
    mkdirSync(dirname(join(dir, sample.name)), { recursive: true });
    writeFileSync(join(dir, sample.name), sample.bytes);
  }
}

describe('every class of file that holds text', () => {
  it.each(samples.map((sample) => [sample.name, sample] as const))('%s', async (name, sample) => {
    const extracted = await extractDocument(`/folder/${name}`, sample.bytes, NO_OCR);
    const { expect: wanted } = sample;
    if (wanted.status === 'skipped') {
      expect(extracted, extracted.ok ? extracted.sections.map((s) => s.text).join('\n') : '').toMatchObject({
        ok: false,
        reason: wanted.reason,
        ...(wanted.type ? { type: wanted.type } : {}),
      });
      if (wanted.detail && !extracted.ok) expect(extracted.detail).toMatch(wanted.detail);
      return;
    }
    expect(extracted, extracted.ok ? '' : `${extracted.reason}: ${extracted.detail}`).toMatchObject({
      ok: true,
      type: wanted.type,
    });
    const text = extracted.ok ? extracted.sections.map((section) => section.text).join('\n\n') : '';
    for (const words of wanted.contains) expect(text).toContain(words);
    for (const words of wanted.lacks ?? []) expect(text).not.toContain(words);
  });
});

describe('indexing the samples', () => {
  function open(): Store {
    const store = openStore({ dataDir: tempDir() });
    stores.push(store);
    return store;
  }

  it('records each file as its reader judged it, re-reads none of them unchanged, and after a reader changes re-reads only its files', async () => {
    const dir = tempDir();
    writeSamples(dir);
    const store = open();
    const collection = createCollection(store.library, 'formats');
    addSource(store.library, collection, { root: dir });
    const read: string[] = [];
    const index = () =>
      indexCollection(store.library, collection, { extract: NO_OCR, onDocument: ({ path }) => read.push(path) });

    const first = await index();
    expect(first).toMatchObject({ discovered: samples.length, pending: 0, quarantined: 0 });
    const rows = store.library
      .prepare('SELECT path, type, status, skip_reason, reader, read_ms, read_cost FROM documents')
      .all() as Array<{
      path: string;
      type: string;
      status: string;
      skip_reason: string | null;
      reader: string;
      read_ms: number;
      read_cost: string;
    }>;
    for (const sample of samples) {
      const row = rows.find((r) => r.path === join(dir, sample.name))!;
      const wanted = sample.expect;
      expect(row, sample.name).toMatchObject({
        status: wanted.status,
        ...(wanted.status === 'skipped' ? { skip_reason: wanted.reason } : {}),
        ...(wanted.type
          ? { type: wanted.type, reader: `${wanted.type}@${READERS[wanted.type as keyof typeof READERS].version}` }
          : {}),
      });
      expect(row.read_ms, sample.name).toBeGreaterThanOrEqual(0);
      expect(Object.keys(JSON.parse(row.read_cost) as object)).toEqual(['read', 'parse', 'chunk']);
    }
    // The slowest files, slowest first, each with where its time went.
    const slowest = slowestDocuments(store.library, collection, 5);
    expect(slowest).toHaveLength(5);
    expect(slowest.map((file) => file.readMs)).toEqual([...slowest.map((file) => file.readMs)].sort((a, b) => b - a));
    expect(slowest[0]!.readMs).toBe(Math.max(...rows.map((row) => row.read_ms)));

    // Unchanged: nothing is read again, skipped files included.
    read.length = 0;
    expect(await index()).toEqual(first);
    expect(read).toEqual([]);

    // A changed file is read again, and only it.
    read.length = 0;
    utimesSync(join(dir, 'media/talk.srt'), new Date(), new Date(Date.now() + 5000));
    await index();
    expect(read).toEqual([join(dir, 'media/talk.srt')]);

    // A new RTF reader: the files it judged (and no other) are read again, the .doc that is RTF too.
    const rtf = READERS.rtf as { version: number };
    rtf.version++;
    try {
      read.length = 0;
      expect(await index()).toEqual(first);
      const rtfFiles = samples.filter((sample) => sample.expect.type === 'rtf').map((sample) => join(dir, sample.name));
      expect(read.sort()).toEqual(rtfFiles.sort());
      expect(rtfFiles).toContain(join(dir, 'sniffed/letter.doc'));
    } finally {
      rtf.version--;
    }
  });
});
