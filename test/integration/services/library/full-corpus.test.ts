import { describe, expect, it } from 'vitest';
import { indexCollection } from '../../../../electron/services/library/indexer';
import { addSource, createCollection } from '../../../../electron/services/library/collection-writes';
import { checkTextQuality } from '../../../../electron/services/library/text/quality';
import { openStore } from '../../../../electron/services/store/store';
import { FULL_CORPUS, FULL_CORPUS_SKIPPED } from '../../../helpers/corpus';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

/**
 * The corpus-wide checks on a whole folder of real files named by HEARTH_CORPUS (README → Test):
 * the committed corpus proves the same things file by file in indexer.test.ts; this runs them
 * on as many files as you have, each file read once.
 */
describe('a whole corpus (HEARTH_CORPUS)', () => {
  it('accounts for every file, quarantines none, indexes no garbage, and gives every skip a reason', async (ctx) => {
    if (!FULL_CORPUS) return ctx.skip(FULL_CORPUS_SKIPPED);
    const store = openStore({ dataDir: tempDir() });
    try {
      const collection = createCollection(store.library, 'corpus');
      addSource(store.library, collection, { root: FULL_CORPUS });
      const started = performance.now();
      const report = await indexCollection(store.library, collection);
      console.log(
        `${FULL_CORPUS}: ${report.discovered} files in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
          `indexed ${report.indexed}, skipped ${JSON.stringify(report.skipReasons)}, by type ${JSON.stringify(report.byType)}`,
      );
      expect(report.discovered).toBeGreaterThan(0);
      expect(report.discovered).toBe(report.indexed + report.skipped + report.quarantined + report.pending);
      expect(report).toMatchObject({ pending: 0, quarantined: 0 });

      const chunks = store.library
        .prepare('SELECT d.path, d.type, c.text FROM chunks c JOIN documents d ON d.id = c.document_id')
        .all() as Array<{ path: string; type: string; text: string }>;
      // Markdown, text and code are read as they are; converted formats must hold no markup.
      const asIs = new Set(['markdown', 'text', 'code']);
      // (A chunk may be short: only garbage counts here, not a chunk of a few characters.)
      const bad = chunks.filter((c) => {
        const verdict = checkTextQuality(c.text, { converted: !asIs.has(c.type) });
        return !verdict.ok && verdict.reason === 'garbage-text';
      });
      expect(bad.map((c) => `${c.path}: ${c.text.slice(0, 80)}`)).toEqual([]);
      const reasonless = store.library
        .prepare(`SELECT path FROM documents WHERE status = 'skipped' AND length(coalesce(skip_detail, '')) <= 10`)
        .pluck()
        .all();
      expect(reasonless).toEqual([]);
      // Nothing changed, so a rescan changes nothing.
      expect(await indexCollection(store.library, collection)).toEqual(report);
    } finally {
      store.close();
    }
  });
});
