import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-library-');
const app = useApp();
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');

describe('Library screen', () => {
  it('creates a collection, adds a folder through the dialog, indexes it with progress, and lists every file', async () => {
    const folder = tempDir();
    cpSync(join(CORPUS, 'tldr', 'pages', 'common'), join(folder, 'tldr'), { recursive: true });
    mkdirSync(join(folder, 'papers'));
    for (const name of ['tracemonkey.pdf', 'issue7891_bc1.pdf', 'TAMReview.pdf']) {
      cpSync(join(CORPUS, 'pdf', name), join(folder, 'papers', name));
    }
    writeFileSync(join(folder, 'photo.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]));

    const session = await app.open(tempDir(), '/library', { pickFolder: async () => folder });
    const { page } = session;
    await page.getByLabel('Collection name').fill('Everything');
    await page.getByRole('button', { name: 'Create' }).click();
    const card = page.getByTestId('collection');
    await card.waitFor();
    await card.getByRole('button', { name: 'Browse…' }).click();
    await card.getByText(folder).waitFor();

    await card.getByRole('button', { name: 'Index now' }).click();
    await card.getByTestId('index-progress').waitFor();
    // Once files are counted: the screenshot shows the accounting moving, not the first instant.
    await expect
      .poll(async () => (await card.getByTestId('collection-accounting').textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/[1-9][\d,]* files:/);
    await screenshot(page, 'library-indexing');
    await card.getByRole('button', { name: 'Index now' }).waitFor({ timeout: 120_000 });

    // The counts on the card are re-read from main after the run: wait for that, not the button.
    const accountingText = async () => (await card.getByTestId('collection-accounting').textContent()) ?? '';
    await expect.poll(accountingText, { timeout: 10_000 }).toMatch(/ 0 waiting/);
    const accounting = await accountingText();
    const [, discovered, indexed, skipped, waiting] =
      /([\d,]+) files: ([\d,]+) indexed · ([\d,]+) skipped · ([\d,]+) waiting/
        .exec(accounting)!
        .map((n) => Number(n.replaceAll(',', '')));
    expect(waiting).toBe(0);
    expect(discovered).toBe(indexed! + skipped!);
    expect(skipped).toBe(3);

    // Problems first: the three skipped files head the table, each with its reason.
    const rows = card.getByTestId('file-row');
    const firstRows = await rows.evaluateAll((elements) => elements.slice(0, 3).map((e) => e.textContent ?? ''));
    expect(firstRows.join('\n')).toMatch(/photo\.txt.*binary/);
    expect(firstRows.join('\n')).toMatch(/issue7891_bc1\.pdf.*no-text/);
    expect(firstRows.join('\n')).toMatch(/TAMReview\.pdf.*garbage-text/);
    await screenshot(page, 'library-files');
    expect(session.errors).toEqual([]);
  });
});
