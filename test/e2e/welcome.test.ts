import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../electron/ipc/contract';
import { loadCatalog } from '../../electron/services/models/catalog';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { startModelServer } from '../helpers/model-server';
import { fakeOtherApps } from '../helpers/other-apps';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-welcome-');
const app = useApp();

/** A folder of notes, one of which says what `citing-chat` always answers. */
function notesFolder(): string {
  const folder = join(tempDir(), 'Harbour notes');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'lighthouse.md'),
    '# Lighthouse keeping\n\n## Lamp care\n\nLighthouse keepers trim the lamp wicks every evening, before dusk.\n\n## Storm watch\n\nIn a storm the keeper stays awake and logs the wind every hour.\n',
  );
  writeFileSync(
    join(folder, 'ferry-timetable.md'),
    '# Ferry\n\n## Tickets\n\nTickets are sold at the harbour office.\n',
  );
  return folder;
}

describe('Welcome guide', () => {
  it('walks a first start from an empty data folder to a first cited answer, with a model found in LM Studio’s folder', async () => {
    const home = tempDir();
    fakeOtherApps(home);
    const citing = join(home, '.lmstudio', 'models', 'hearth-test', 'Citing-Chat-GGUF', 'citing-chat-F32.gguf');
    mkdirSync(join(citing, '..'), { recursive: true });
    copyFileSync(fixtureModel('citing-chat'), citing);
    const notes = notesFolder();
    const session = await app.open(tempDir(), '/chat', {
      firstRun: true,
      pickFolder: async () => notes,
      services: { localModels: { context: { home, platform: 'linux', env: {} } } },
    });
    const { page, bridge } = session;

    // A first start opens on the guide, with the machine and the pair recommended for it.
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/welcome');
    await page
      .getByTestId('welcome-machine')
      .getByText(/cores · .* memory bandwidth \(measured\)/)
      .waitFor();
    await page.getByTestId('welcome-reason').waitFor();
    const found = page.getByRole('list', { name: 'Models found on this computer' });
    await found.getByRole('listitem', { name: 'citing-chat-F32.gguf' }).waitFor();
    await screenshot(page, 'welcome-1-start');

    // What other apps downloaded, each checked: usable ones offered, a broken one said so.
    expect(await found.getByRole('listitem').count()).toBe(5);
    const broken = found.getByRole('listitem', { name: 'broken.gguf' });
    expect(await broken.getByTestId('found-problem').textContent()).toMatch(/GGUF/);
    expect(await broken.getByRole('button', { name: 'Use it' }).count()).toBe(0);
    await found.getByRole('listitem', { name: 'tinychat:1b' }).getByText('Ollama').waitFor();
    const item = found.getByRole('listitem', { name: 'citing-chat-F32.gguf' });
    await item.getByRole('button', { name: 'Use it' }).click();
    await item.getByText('In Hearth').waitFor();
    const installed = await bridge.services.models.list();
    expect(installed.map((model) => [model.metadata.name, model.storage, model.path])).toEqual([
      ['citing-chat', 'reference', citing],
    ]);

    // A first folder, added and indexed from the guide.
    await page.getByRole('button', { name: 'Browse…' }).click();
    await page.getByTestId('welcome-collection').getByText('2 files indexed.').waitFor();
    const suggestions = page.getByRole('list', { name: 'Suggested questions' });
    await suggestions.getByRole('button', { name: /Lighthouse keeping/ }).waitFor();
    await screenshot(page, 'welcome-2-folder-and-questions');

    // The first question: a chat over that folder, and its answer cites the note.
    await suggestions.getByRole('button', { name: /Lighthouse keeping/ }).click();
    await page.waitForURL(/#\/chat$/);
    const answer = page.locator('[data-testid="message"][data-role="assistant"][data-status="done"]');
    await answer.getByText(/Lighthouse keepers trim the lamp wicks every evening/).waitFor();
    const chip = answer.getByTestId('citation-chip');
    await chip.first().click();
    const panel = page.getByRole('complementary', { name: /Source/ });
    await panel
      .getByText(/trim the lamp wicks every evening/)
      .first()
      .waitFor();
    // The source opens beside a conversation that keeps a readable width: the list folds away.
    const columnWidth = async () => (await page.getByRole('region', { name: 'Conversation' }).boundingBox())!.width;
    expect(await columnWidth()).toBeGreaterThanOrEqual(560);
    expect(await page.getByRole('navigation', { name: 'Conversations' }).count()).toBe(0);
    // The sheet's edge resizes it from the keyboard too.
    const edge = page.getByRole('separator', { name: 'Resize source 1' });
    const before = Number(await edge.getAttribute('aria-valuenow'));
    await edge.focus();
    await page.keyboard.press('ArrowLeft');
    expect(Number(await edge.getAttribute('aria-valuenow'))).toBe(before + 16);
    await screenshot(page, 'welcome-3-first-answer');
    const [chat] = bridge.services.chat.list();
    const collection = bridge.services.library.collections()[0]!;
    expect(collection.name).toBe('Harbour notes');
    expect(bridge.services.chat.view(chat!.id).conversation.collectionIds).toEqual([collection.id]);
    const saved = bridge.services.chat.view(chat!.id).messages.find((message) => message.role === 'assistant')!;
    expect(saved.citations.map((citation) => [citation.n, citation.status])).toEqual([[1, 'supported']]);
    expect(bridge.services.settings.get().onboardingDone).toBe(true);

    // Done: the window opens where it is asked to from now on.
    await page.goto(`${bridge.url}#/library`);
    await page.getByLabel('Collection name').waitFor();
    expect(new URL(page.url()).hash).toBe('#/library');
    expect(session.errors).toEqual([]);
  });

  it('downloads the recommended pair from a local hub while a folder indexes, offering keyword search until a chat model is there', async () => {
    const hub = await startModelServer();
    try {
      // Every catalog model is served by the local hub: chat models as citing-chat, embedders as
      // tiny-embedding, each entry pinned to the bytes served.
      const files = {
        chat: readFileSync(fixtureModel('citing-chat')),
        embedding: readFileSync(fixtureModel('tiny-embedding')),
      };
      const catalog: CatalogEntry[] = loadCatalog().map((entry) => {
        const bytes = entry.role === 'chat' ? files.chat : entry.role === 'embedding' ? files.embedding : null;
        if (!bytes) return entry;
        hub.serve(`/${entry.repo}/resolve/main/${entry.file}`, bytes);
        return { ...entry, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      });
      const notes = notesFolder();
      const session = await app.open(tempDir(), '/welcome', {
        firstRun: true,
        pickFolder: async () => notes,
        services: {
          catalog,
          downloads: { hubBaseUrl: hub.origin, isAllowedUrl: (url) => url.hostname === '127.0.0.1' },
        },
      });
      const { page, bridge } = session;
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      await page.getByText('No models from LM Studio, Jan, GPT4All or Ollama in their usual folders.').waitFor();

      // A folder first: with no model, keyword search is offered, and says why answers wait.
      await page.getByRole('button', { name: 'Browse…' }).click();
      await page.getByTestId('welcome-collection').getByText('2 files indexed.').waitFor();
      await page
        .getByRole('status')
        .getByText(/No chat model yet/)
        .waitFor();
      await page.getByRole('status').getByRole('link', { name: 'Search your files' }).waitFor();

      // Then the pair: sizes and a time to download, and both installed from the hub.
      const downloads = page.getByTestId('welcome-download');
      expect(await downloads.count()).toBe(2);
      expect(await downloads.first().textContent()).toMatch(/min at 100 Mbit\/s/);
      for (const row of await downloads.all()) await row.getByRole('button', { name: 'Download' }).click();
      for (const row of await downloads.all()) await row.getByText('Installed').waitFor();
      expect((await bridge.services.models.list()).map((model) => model.metadata.role).sort()).toEqual([
        'chat',
        'embedding',
      ]);
      // With a chat model, the first questions are offered.
      await page.getByRole('list', { name: 'Suggested questions' }).getByRole('button').first().waitFor();
      await screenshot(page, 'welcome-downloaded');

      // Skipped or finished, the guide is not shown again, and Settings reopens it.
      await page.getByRole('button', { name: 'Skip the guide' }).click();
      await page.waitForURL(/#\/chat$/);
      await page.getByRole('link', { name: 'Settings' }).click();
      // Privacy shows every request those downloads made, and nothing else left the machine.
      const requests = page.getByTestId('network-request');
      await requests.first().waitFor();
      const lines = await requests.allTextContents();
      expect(lines.length).toBe(bridge.services.network.list().length);
      expect(lines.every((line) => line.includes('Model download') && line.includes('127.0.0.1'))).toBe(true);
      await screenshot(page, 'settings-network-activity');
      await page.getByRole('link', { name: 'Show the welcome guide' }).click();
      await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
      expect(session.errors).toEqual([]);
    } finally {
      await hub.close();
    }
  });
});
