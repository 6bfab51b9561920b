import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HearthError } from '../../electron/ipc/errors';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { CORPUS } from '../helpers/corpus';
import { writeGeneratedPages } from '../helpers/generated-pages';
import { isWindows } from '../helpers/platform';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-library-');
const app = useApp();

describe('Library screen', () => {
  it('creates a collection, adds a folder through the dialog, indexes it with progress, and lists every file', async () => {
    const folder = tempDir();
    // Enough pages for the run to take a while and the file table to scroll.
    writeGeneratedPages(join(folder, 'notes'), { count: 3000 });
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
      .poll(async () => (await card.getByTestId('collection-accounting').textContent()) ?? '')
      .toMatch(/[1-9][\d,]* files:/);
    // The run says where it is: the stage, a rate and the time left.
    await expect
      .poll(async () => (await card.getByTestId('index-stage').textContent()) ?? '')
      .toMatch(/^Reading files · [1-9][\d,]*\/[\d,]+ · [\d.]+ files\/s, [\d.]+ (B|KB|MB)\/s · (about|a few)/);
    await screenshot(page, 'library-indexing');
    await card.getByRole('button', { name: 'Index now' }).waitFor();

    // The counts on the card are re-read from main after the run: wait for that, not the button.
    const accountingText = async () => (await card.getByTestId('collection-accounting').textContent()) ?? '';
    await expect.poll(accountingText).toMatch(/ 0 waiting/);
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
    expect(firstRows.join('\n')).toMatch(/photo\.txt.*binary file/);
    expect(firstRows.join('\n')).toMatch(/issue7891_bc1\.pdf.*no text/);
    expect(firstRows.join('\n')).toMatch(/TAMReview\.pdf.*unreadable text/);

    // The slowest files to read, slowest first, with where the time went.
    await card.getByText('Slowest files to read').click();
    const slowest = card.getByRole('list', { name: 'Slowest files' }).getByRole('listitem');
    await expect.poll(() => slowest.count()).toBe(5);
    const slowTexts = await slowest.allTextContents();
    expect(slowTexts[0]).toMatch(/^\d+(\.\d)? m?s.*\.\w+.* · mostly (reader|disk|chunking)$/);
    await screenshot(page, 'library-files');

    // Removing the folder removes what was indexed from it; removing the collection asks first.
    await card.getByRole('button', { name: `Remove folder ${folder}` }).click();
    await expect.poll(accountingText).toMatch(/^0 files:/);
    await card.getByRole('button', { name: 'Remove collection Everything' }).click();
    await card.getByRole('button', { name: 'Remove Everything?' }).click();
    await expect.poll(() => page.getByTestId('collection').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('adds a folder with rules, shows them, and indexes by them', async () => {
    const folder = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'shared.md'), '# Shared\n\nThe allotment rota, kept in another folder.\n');
    // Windows lets only administrators and developer mode make links: there, no link to follow.
    if (!isWindows) symlinkSync(join(elsewhere, 'shared.md'), join(folder, 'shared.md'));
    const files = isWindows ? 2 : 3;
    mkdirSync(join(folder, '.journal'));
    writeFileSync(join(folder, 'plan.md'), '# Plan\n\nPaint the fence.\n');
    writeFileSync(join(folder, 'debug.log'), 'noise\n');
    writeFileSync(join(folder, '.journal', 'monday.md'), '# Monday\n\nA hidden note.\n');
    const session = await app.open(tempDir(), '/library');
    const { page } = session;
    await page.getByLabel('Collection name').fill('Home');
    await page.getByRole('button', { name: 'Create' }).click();
    const card = page.getByTestId('collection');
    await card.getByRole('button', { name: 'Rules' }).click();
    await card.getByLabel('Leave out files matching').fill('*.log');
    await card.getByLabel('Include hidden files and folders').check();
    await card.getByLabel('Follow links that lead out of the folder').check();
    await card.getByLabel('Folder path').fill(folder);
    await card.getByRole('button', { name: 'Add', exact: true }).click();
    await card.getByText('(not *.log · hidden files too · links out followed)').waitFor();
    await card.getByRole('button', { name: 'Index now' }).click();
    await expect
      .poll(async () => (await card.getByTestId('collection-accounting').textContent()) ?? '')
      .toMatch(new RegExp(`^${files} files: ${files} indexed · 0 skipped · 0 waiting`));
    await screenshot(page, 'library-rules');
    expect(session.errors).toEqual([]);
  });

  it('chooses the embedding model and turns OCR off in Settings', async () => {
    const session = await app.open(tempDir(), '/settings');
    const { page, bridge } = session;
    const small = await bridge.services.models.import(fixtureModel('tiny-embedding'), 'reference');
    const wide = await bridge.services.models.import(fixtureModel('tiny-embedding-wide'), 'reference');
    const select = page.getByLabel('Embedding model');
    await expect.poll(() => select.locator('option').count()).toBe(3);
    await select.selectOption({ label: 'tiny-embedding-wide' });
    await expect.poll(() => bridge.services.settings.get().embeddingModel).toBe(wide.id);
    expect(bridge.services.embedder.current()?.modelId).toBe(wide.id);
    expect(small.id).not.toBe(wide.id);

    await page.getByRole('checkbox', { name: /Read scanned PDFs and pictures with OCR/ }).uncheck();
    await expect.poll(() => bridge.services.settings.get().ocrEnabled).toBe(false);
    await expect(page.getByLabel('Most pages OCR reads in one scanned PDF').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'settings-library');
    expect(session.errors).toEqual([]);

    // A change main refuses (here, as if its disk were full) is put back, and the user is told.
    const { settings } = bridge.services;
    const set = settings.set.bind(settings);
    settings.set = () => {
      throw new HearthError('INTERNAL', 'The disk is full.');
    };
    const ocr = page.getByRole('checkbox', { name: /Read scanned PDFs and pictures with OCR/ });
    await ocr.click();
    await page.getByText('Could not save settings: The disk is full.').waitFor();
    await expect.poll(() => ocr.isChecked()).toBe(false);
    expect(settings.get().ocrEnabled).toBe(false);
    settings.set = set;
  });
});
