import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';
import { englishOnlyPhrases, untranslated } from './untranslated';

const tempDir = useTempDir('hearth-e2e-screens-');
const app = useApp();

/** Every screen, with what shows it is drawn (not the loading state). */
const SCREENS: Array<{ path: string; ready: (page: Page) => Promise<void> }> = [
  { path: '/welcome', ready: (page) => page.getByTestId('welcome-reason').waitFor() },
  { path: '/chat', ready: (page) => page.getByTestId('message').first().waitFor() },
  { path: '/search', ready: (page) => page.locator('form[role="search"]').waitFor() },
  { path: '/library', ready: (page) => page.getByTestId('collection').waitFor() },
  { path: '/models', ready: (page) => page.getByTestId('model-card').waitFor() },
  { path: '/settings', ready: (page) => page.getByTestId('about').waitFor() },
];

/** axe-core's findings that block people: `serious` and `critical`, one line each. */
async function blocking(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
      ),
    );
}

describe('every screen', () => {
  it('passes axe-core in both themes and both languages, German has no untranslated text, and each is saved', async () => {
    const session = await app.open(tempDir(), '/library');
    const { page, bridge } = session;
    const { services } = bridge;
    // Screens with something on them: a model, an indexed folder, a chat with an answer.
    const model = await services.models.import(fixtureModel('citing-chat'), 'reference');
    const folder = join(tempDir(), 'Notes');
    mkdirSync(folder);
    writeFileSync(join(folder, 'lamp.md'), '# Lamps\n\nLighthouse keepers trim the lamp wicks every evening.\n');
    const collection = services.library.createCollection('Notes');
    services.library.addFolder(collection.id, folder);
    await services.library.index(collection.id);
    const chat = services.chat.create({ modelId: model.id, collectionIds: [collection.id] });
    await services.chat.send({ conversationId: chat.id, content: 'Who trims the wicks?' });

    // The language is switched the way a user does it once (Settings → Appearance), then set directly.
    await page.goto(`${bridge.url}#/settings`);
    await page.getByLabel('Language').selectOption({ label: 'Deutsch' });
    await page.getByRole('heading', { name: 'Darstellung' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.getByLabel('Sprache').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Appearance' }).waitFor();

    const phrases = englishOnlyPhrases();
    const found: string[] = [];
    const german: string[] = [];
    for (const language of ['en', 'de'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        services.settings.set({ theme, language });
        for (const screen of SCREENS) {
          await page.goto(`${bridge.url}#${screen.path}`);
          await page.reload();
          await screen.ready(page);
          await expect
            .poll(() => page.evaluate(() => document.documentElement.classList.contains('dark')))
            .toBe(theme === 'dark');
          await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
          found.push(...(await blocking(page)).map((line) => `${screen.path} ${theme} ${language}: ${line}`));
          if (language === 'de' && theme === 'light') {
            german.push(...(await untranslated(page, phrases)).map((line) => `${screen.path}: ${line}`));
          }
          await screenshot(page, `screen-${screen.path.slice(1)}-${theme}-${language}`);
        }
      }
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(german, german.join('\n')).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
