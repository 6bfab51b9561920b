import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../electron/services/models/catalog';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { baseRaw, encodeRaw } from '../../native-models/fixtures/malformed/raw-gguf';
import { startModelServer } from '../helpers/model-server';
import { copyOfModel } from '../helpers/models';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-models-');
const app = useApp();

/**
 * The Models screen over `dataDir`, downloading `file` from the local hub by its URL: the hub
 * sends 1 MB, then holds the rest, so the download runs for as long as the test needs. Resolves
 * once bytes are on disk.
 */
async function heldDownload(hub: Awaited<ReturnType<typeof startModelServer>>, dataDir: string, file: string) {
  const slow = Buffer.concat([readFileSync(fixtureModel('tiny-chat')), Buffer.alloc(16 * 2 ** 20)]);
  const url = hub.serve(`/org/tiny/resolve/main/${file}`, slow, { holdAfterBytes: 2 ** 20 });
  const session = await app.open(dataDir, '/models', {
    services: { downloads: { hubBaseUrl: hub.origin, isAllowedUrl: (u) => u.hostname === '127.0.0.1' } },
  });
  await session.page.getByLabel('Hugging Face URL').fill(url);
  await session.page.getByLabel('Hugging Face URL').press('Enter');
  const progress = session.page.getByTestId('download-progress');
  await progress.getByText(/^[1-9][\d.]* (KB|MB) of /).waitFor();
  return { session, progress };
}

describe('Models screen', () => {
  it('imports a generated GGUF, shows metadata and fit, loads it, and keeps a setting across a restart', async () => {
    const dataDir = tempDir();
    const modelFile = copyOfModel('tiny-chat', tempDir());
    const session = await app.open(dataDir, '/models', { pickModelFile: async () => modelFile });
    const { page } = session;
    // Nothing installed yet: the screen opens on Discover.
    await page.getByRole('tab', { name: 'Installed (0)' }).click();

    await page.getByRole('button', { name: 'Browse…' }).click();
    await expect.poll(() => page.getByLabel('Model file path').inputValue()).toBe(modelFile);
    await page.getByRole('radio', { name: 'Copy into Hearth' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const card = page.getByTestId('model-card');
    await card.waitFor();
    const metadata = card.getByTestId('model-metadata');
    for (const text of ['chat', 'llama', 'Q8_0', 'chat template', 'MIT', '2,048 ctx']) {
      expect(await metadata.getByText(text, { exact: true }).count(), text).toBe(1);
    }
    expect(await card.getByTestId('fit-badge').getAttribute('data-level')).toBe('fits');
    expect(await card.getByText(join(dataDir, 'models', 'tiny-chat.gguf')).count()).toBe(1);

    await card.getByRole('button', { name: 'Load' }).click();
    await card.getByText('Loaded', { exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('loaded-summary').textContent()).toContain('Chat model: tiny-chat');

    // Settings open in a side sheet over the screen, which stays where it was behind it.
    await card.getByRole('button', { name: 'Settings' }).click();
    const sheet = page.getByRole('dialog', { name: 'tiny-chat settings' });
    const form = sheet.getByRole('form', { name: 'Model settings' });
    await form.getByLabel('Context size').fill('1024');
    await form.getByLabel('Temperature').fill('0.3');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => card.getByTestId('fit-badge').getAttribute('title')).toContain('at 1,024 tokens');
    // What it needs in memory is on the card, not only in a tooltip, before any benchmark.
    await expect
      .poll(() => card.getByTestId('model-performance').textContent())
      .toMatch(/Needs [\d.]+ [KMG]?B of RAM at 1,024 tokens/);
    await screenshot(page, 'models-settings-sheet');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await screenshot(page, 'models-loaded');
    expect(session.errors).toEqual([]);
    await session.close();

    // A restart: new services over the same data folder.
    const restarted = await app.open(dataDir, '/models');
    const again = restarted.page.getByTestId('model-card');
    await again.waitFor();
    await again.getByRole('button', { name: 'Settings' }).click();
    const reopened = restarted.page.getByRole('dialog').getByRole('form', { name: 'Model settings' });
    expect(await reopened.getByLabel('Context size').inputValue()).toBe('1024');
    expect(await reopened.getByLabel('Temperature').inputValue()).toBe('0.3');
    await screenshot(restarted.page, 'models-after-restart');
  });

  it('refuses a damaged GGUF with a clear reason and imports nothing', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.gguf');
    writeFileSync(broken, encodeRaw({ ...baseRaw(), truncateAt: 5000 }));
    const session = await app.open(tempDir(), '/models');
    const { page } = session;
    await page.getByRole('tab', { name: 'Installed (0)' }).click();
    await page.getByLabel('Model file path').fill(broken);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Not a usable GGUF model: .*cut short/);
    expect(await page.getByTestId('model-card').count()).toBe(0);
    await screenshot(page, 'models-invalid-gguf');
  });

  it('downloads a catalog model with progress from a local hub and installs it', async () => {
    const hub = await startModelServer();
    try {
      const bytes = readFileSync(fixtureModel('tiny-embedding'));
      const catalog = loadCatalog().map((e) =>
        // This one entry pinned to the bytes the local hub serves; the rest as shipped.
        e.id === 'bge-small-en-v1.5-q8_0'
          ? { ...e, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
          : e,
      );
      const entry = catalog.find((e) => e.id === 'bge-small-en-v1.5-q8_0')!;
      // Held after the first 64 KB until the progress has been seen.
      hub.serve(`/${entry.repo}/resolve/main/${entry.file}`, bytes, { holdAfterBytes: 65536 });
      const session = await app.open(tempDir(), '/models', {
        services: {
          catalog,
          downloads: { hubBaseUrl: hub.origin, isAllowedUrl: (url) => url.hostname === '127.0.0.1' },
        },
      });
      const { page } = session;
      const row = page.getByTestId('catalog-entry').filter({ hasText: entry.name });
      await row.getByRole('button', { name: 'Download' }).click();
      await row.getByTestId('download-progress').waitFor();
      await screenshot(page, 'models-downloading');
      hub.release();
      // Discover stays open (a finished download does not switch tabs); the row says it is installed.
      await row.getByText('Installed', { exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Installed (1)' }).click();
      const card = page.getByTestId('model-card');
      await card.waitFor();
      expect(await card.getByTestId('model-metadata').getByText('embedding', { exact: true }).count()).toBe(1);
      expect(session.errors).toEqual([]);
    } finally {
      await hub.close();
    }
  });

  it('pauses a URL download, lists it, and cancel deletes it whatever its file name', async () => {
    const hub = await startModelServer();
    try {
      // A name the renderer once mangled differently from main: its partial stayed behind on cancel.
      const dataDir = tempDir();
      const { session, progress } = await heldDownload(hub, dataDir, '.tiny%20chat.gguf');
      const { page } = session;
      // Paused once bytes are on disk, so there is a partial file to list.
      await progress.getByRole('button', { name: 'Pause' }).click();

      const paused = page.getByRole('region', { name: 'Paused downloads' }).getByTestId('partial-download');
      await paused.waitFor();
      expect(await paused.textContent()).toContain('tiny_chat.gguf');
      await paused.getByRole('button', { name: 'Resume' }).click();
      await paused.getByTestId('download-progress').getByRole('button', { name: 'Cancel' }).click();
      await paused.waitFor({ state: 'detached' });
      expect(await session.bridge.services.downloads.partials()).toEqual([]);
      expect(readdirSync(join(dataDir, 'models'))).toEqual([]);
      expect(await page.getByTestId('model-card').count()).toBe(0);
      expect(session.errors).toEqual([]);
    } finally {
      await hub.close();
    }
  });

  it('keeps a download going while the user is elsewhere: back on Models, its progress and Pause are there', async () => {
    const hub = await startModelServer();
    try {
      const { session, progress } = await heldDownload(hub, tempDir(), 'away.gguf');
      const { page } = session;

      // Away to Library, and back: the screen that started the download is gone meanwhile.
      await page.getByRole('link', { name: 'Library' }).click();
      await page.getByLabel('Collection name').waitFor();
      await page.getByRole('link', { name: 'Models' }).click();
      await progress.getByText(/^[1-9][\d.]* (KB|MB) of /).waitFor();
      await screenshot(page, 'models-download-after-library');
      await progress.getByRole('button', { name: 'Pause' }).click();

      // Paused: main stopped it and kept the partial file, listed to resume.
      const paused = page.getByRole('region', { name: 'Paused downloads' }).getByTestId('partial-download');
      await paused.waitFor();
      expect(await paused.textContent()).toContain('away.gguf');
      await expect.poll(() => progress.count()).toBe(0);
      expect((await session.bridge.services.downloads.partials()).map((p) => p.fileName)).toEqual(['away.gguf']);
      expect(session.errors).toEqual([]);
    } finally {
      await hub.close();
    }
  });

  it('predicts the speed of every chat model here and recommends one that reaches the target', async () => {
    // The bridge's pretend machine: 2 cores, 24 GiB, 40 GB/s, the laptop of the models issue.
    const session = await app.open(tempDir(), '/models');
    const { page } = session;
    const row = (name: string) => page.locator(`[data-testid="catalog-entry"][aria-label="${name}"]`);
    const speedOf = async (name: string) => {
      const badge = row(name).getByTestId('predicted-speed');
      await badge.waitFor();
      return Number(/≈ ([\d.]+) tok\/s/.exec((await badge.textContent()) ?? '')?.[1]);
    };

    const chatRows = page.getByTestId('catalog-entry').filter({ has: page.getByTestId('predicted-speed') });
    // Until the machine is measured (llama.cpp's backend is read first) the rows say "Measuring…".
    await expect.poll(() => chatRows.count()).toBe(loadCatalog().filter((e) => e.role === 'chat').length);
    const eightB = 'Llama 3.1 8B Instruct';
    expect(await speedOf(eightB)).toBeLessThan(10);
    expect(await row(eightB).getByText('Recommended').count()).toBe(0);
    expect(await row(eightB).getByTestId('predicted-speed').getAttribute('title')).toMatch(
      /Each generated token reads the whole model once/,
    );

    const recommended = page
      .getByTestId('catalog-entry')
      .filter({ has: page.getByText('Recommended') })
      .filter({ has: page.getByTestId('predicted-speed') });
    expect(await recommended.count()).toBe(1);
    const name = (await recommended.getAttribute('aria-label'))!;
    expect(await speedOf(name)).toBeGreaterThanOrEqual(10);
    expect(await page.getByTestId('recommendation-reason').textContent()).toContain(`${name} is the largest model`);
    await screenshot(page, 'models-predicted-speed');

    // A stricter target in Settings recommends a smaller, faster model.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Target speed in tokens per second').fill('25');
    await nav.getByRole('link', { name: 'Models' }).click();
    await expect
      .poll(async () => page.getByTestId('recommendation-reason').textContent())
      .toMatch(/predicted to reach 25 tokens\/s/);
    const faster = (await recommended.getAttribute('aria-label'))!;
    expect(faster).not.toBe(name);
    expect(await speedOf(faster)).toBeGreaterThanOrEqual(25);
    expect(session.errors).toEqual([]);
  });

  it('filters the catalog by role, size and what runs fast here', async () => {
    const session = await app.open(tempDir(), '/models');
    const { page } = session;
    const rows = page.getByTestId('catalog-entry');
    await page.getByTestId('predicted-speed').first().waitFor();
    const all = await rows.count();
    await page.getByLabel('Role').selectOption('embedding');
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await page.getByTestId('predicted-speed').count()).toBe(0); // no chat model among them
    await page.getByLabel('Role').selectOption('chat');
    const chat = await rows.count();
    await page.getByLabel('Fast here').check();
    // Only chat models predicted at the target speed or more on this (pretend) machine are left.
    await expect.poll(() => rows.count()).toBeLessThan(chat);
    const speeds = await page.getByTestId('predicted-speed').allTextContents();
    expect(speeds.length).toBeGreaterThan(0);
    for (const speed of speeds) expect(Number(/≈ ([\d.]+)/.exec(speed)?.[1])).toBeGreaterThanOrEqual(10);
    await page.getByLabel('Fast here').uncheck();
    await page.getByLabel('Size').selectOption({ label: 'Up to 1 GB' });
    await expect.poll(() => rows.count()).toBeLessThan(chat);
    await screenshot(page, 'models-discover-filtered');
    expect(session.errors).toEqual([]);
  });

  it('shows a model that cannot fit as too large, with what would make it fit', async () => {
    const modelFile = copyOfModel('tiny-chat', tempDir());
    const session = await app.open(tempDir(), '/models', {
      services: {
        memory: async () => ({ ramTotal: 4 * 1024 ** 2, ramFree: 3 * 1024 ** 2, vramTotal: 0, vramFree: 0 }),
      },
    });
    const { page } = session;
    await page.getByRole('tab', { name: 'Installed (0)' }).click();
    await page.getByLabel('Model file path').fill(modelFile);
    await page.getByRole('radio', { name: 'Use it where it is' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const card = page.getByTestId('model-card');
    await card.waitFor();
    expect(await card.getByTestId('fit-badge').getAttribute('data-level')).toBe('too-large');
    expect(await card.getByRole('button', { name: 'Load' }).isDisabled()).toBe(true);
    expect(await card.getByRole('list', { name: 'How to make it fit' }).textContent()).toContain(
      'smaller quantization',
    );
    await screenshot(page, 'models-too-large');
  });
});
