import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { addMessage, createConversation, updateConversation } from '../../electron/services/chat/chat-store';
import { leafPages, leaveCrashMarker, writeGarbage } from '../helpers/corrupt';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { startServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';
import { DEFAULT_SETTINGS } from '../../electron/services/settings/settings-service';

const tempDir = useTempDir('hearth-e2e-');
const app = useApp();

describe('app shell', () => {
  it('renders every screen from the sidebar and screenshots each', async () => {
    const session = await app.open(tempDir());
    const { page } = session;
    for (const name of ['Chat', 'Search', 'Library', 'Models', 'Settings']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      expect(await page.getByRole('link', { name }).getAttribute('aria-current')).toBe('page');
      if (name === 'Settings') await page.getByTestId('about').waitFor();
      const file = await screenshot(page, `screen-${name.toLowerCase()}`);
      expect(existsSync(file)).toBe(true);
    }
    expect(session.errors).toEqual([]);
  });

  it('says on an empty Chat and Search what is missing, with the button that gives it', async () => {
    const session = await app.open(tempDir(), '/chat');
    const { page, bridge } = session;
    const steps = page.getByTestId('chat-next-steps');
    await steps.getByText('No chat model yet: Hearth needs one to answer.').waitFor();
    // The model recommended for this machine, downloadable from here, with its size and speed.
    const recommended = steps.getByRole('list', { name: 'Recommended chat model' }).getByTestId('welcome-download');
    expect(await recommended.textContent()).toMatch(/GB · ≈ \d+ min at 100 Mbit\/s/);
    await recommended.getByRole('button', { name: 'Download' }).waitFor();
    await steps.getByRole('link', { name: /Import a GGUF/ }).waitFor();
    await screenshot(page, 'chat-next-steps');
    await steps.getByRole('link', { name: 'Add a folder' }).click();
    await page.waitForURL(/#\/library$/);

    await page.goto(`${bridge.url}#/search`);
    await page.getByTestId('search-next-step').getByRole('link', { name: 'Add a folder' }).waitFor();

    // With a chat model and a folder, Chat has nothing left to ask for.
    await bridge.services.models.import(fixtureModel('tiny-chat'), 'reference');
    bridge.services.library.createCollection('Notes');
    await page.goto(`${bridge.url}#/chat`);
    await page.getByRole('button', { name: 'Start a chat' }).waitFor();
    await expect.poll(() => steps.count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('shows real system values in About', async () => {
    const dataDir = tempDir();
    const session = await app.open(dataDir, '/settings');
    const about = session.page.getByTestId('about');
    await about.waitFor();
    // A fresh start has sent nothing anywhere, and says so.
    await session.page.getByTestId('network-empty').waitFor();
    const field = (label: string) => about.locator(`dd[data-field="${label}"]`).textContent();
    expect(await field('Data folder')).toBe(dataDir);
    const cores = availableParallelism();
    expect(await field('CPU')).toContain(cores === 1 ? '1 core' : `${cores} cores`);
    expect(await field('SQLite')).toMatch(/^3\.\d+\.\d+$/);
    expect(await field('sqlite-vec')).toMatch(/^v0\.1\.\d+/);
    expect(await field('Compute backend')).toMatch(/CPU only|CUDA|VULKAN|METAL/);
    expect(await field('Node.js')).toBe(process.versions.node);
  });

  it('keeps a setting across a reload and applies it', async () => {
    const session = await app.open(tempDir(), '/settings');
    const { page } = session;
    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await screenshot(page, 'settings-dark');

    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: 'Dark' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    expect(session.bridge.services.settings.get().theme).toBe('dark');
  });

  it('refuses invalid input from the renderer with VALIDATION', async () => {
    const session = await app.open(tempDir(), '/settings');
    const { page } = session;
    await page.getByTestId('about').waitFor();
    const results = await page.evaluate(async () => {
      const loose = window.hearth as unknown as { invoke(channel: string, input?: unknown): Promise<unknown> };
      return {
        wrongType: await loose.invoke('settings.set', { theme: 42 }),
        unknownKey: await loose.invoke('settings.set', { telemetry: true }),
        unknownChannel: await loose.invoke('shell.exec', 'rm -rf /'),
        stillServing: await loose.invoke('settings.get'),
      };
    });
    expect(results.wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(results.unknownKey).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(results.unknownChannel).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(results.stillServing).toEqual({
      ok: true,
      // The harness finished the welcome guide before the page opened.
      value: { ...DEFAULT_SETTINGS, theme: 'system', onboardingDone: true },
    });
  });

  it('repairs a hearth.db whose index a crash damaged: every chat is there, and the user is told', async () => {
    const dataDir = tempDir();
    const { services } = startServices(dataDir);
    for (const title of ['Lease renewal', 'Tax questions', 'Thesis outline']) {
      const conversation = createConversation(services.store.hearth);
      updateConversation(services.store.hearth, conversation.id, { title, titleSource: 'user' });
      addMessage(services.store.hearth, {
        conversationId: conversation.id,
        parentId: null,
        role: 'user',
        content: `What about ${title.toLowerCase()}?`,
      });
    }
    await services.dispose();
    const path = join(dataDir, 'hearth.db');
    // The whole page of the index of messages by chat: the rows are intact, the index is not.
    writeGarbage(path, (leafPages(path, 'messages_by_conversation')[0]! - 1) * 4096, 4096);
    leaveCrashMarker(path);

    const session = await app.open(dataDir);
    await session.page.getByText('Your chats and settings database was damaged and has been repaired.').waitFor();
    await session.page.getByText(/Every row could be read\. The damaged file was kept at/).waitFor();
    for (const title of ['Lease renewal', 'Tax questions', 'Thesis outline']) {
      await session.page.getByText(title, { exact: true }).first().waitFor();
    }
    await session.page.getByText('Tax questions', { exact: true }).click();
    await session.page.getByText('What about tax questions?').waitFor();
    expect(readdirSync(dataDir).some((name) => name.startsWith('hearth.db.corrupt-'))).toBe(true);
    await screenshot(session.page, 'repaired-database');
  });

  it('tells the user when a corrupted hearth.db was replaced, and keeps the old file', async () => {
    const dataDir = tempDir();
    const { services } = startServices(dataDir);
    services.settings.set({ theme: 'dark' });
    await services.dispose();
    writeGarbage(join(dataDir, 'hearth.db'), 0, 4096);

    const session = await app.open(dataDir, '/settings');
    const toast = session.page.getByText('Your chats and settings database could not be read');
    await toast.waitFor();
    const kept = readdirSync(dataDir).find((name) => name.startsWith('hearth.db.corrupt-'));
    expect(kept).toBeDefined();
    expect(await session.page.getByText(join(dataDir, kept!), { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(session.page, 'recovered-database');
  });
});
