import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-keyboard-');
const app = useApp();

describe('keyboard', () => {
  it('reaches every action from the command palette and shortcuts, listed in a help sheet', async () => {
    const session = await app.open(tempDir(), '/library');
    const { page, bridge } = session;
    const { services } = bridge;
    // Answers that never end on their own: there is time to stop them from the keyboard.
    await services.models.import(fixtureModel('slow-chat'), 'reference');
    services.chat.create({ generation: { temperature: 0.9, seed: 1, maxTokens: 3000 } });
    services.chat.create({ generation: { temperature: 0.9, seed: 1, maxTokens: 3000 } });

    // The palette: type what to do, Enter does it.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('go to chat');
    await screenshot(page, 'keyboard-palette');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/chat$/);
    await page.getByTestId('conversation-title').waitFor();

    // The help sheet lists the shortcuts as this platform writes them.
    await page.keyboard.press('Control+/');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Ctrl+N', { exact: true }).waitFor();
    for (const line of [
      'Go to Library',
      'New chat',
      'Focus the message box',
      'Stop the answer',
      'Regenerate the last answer',
      'Send the message',
      'Next conversation',
    ]) {
      await help.getByText(line, { exact: true }).waitFor();
    }
    await screenshot(page, 'keyboard-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // Screens by number; the conversation list by brackets.
    await page.keyboard.press('Control+3');
    await page.waitForURL(/#\/library$/);
    await page.keyboard.press('Control+1');
    await page.waitForURL(/#\/chat$/);
    const title = page.getByTestId('conversation-title');
    await title.waitFor();
    // Newest first: the second chat made is shown; Mod+] goes to the next one down, Mod+[ back.
    const items = page.getByTestId('conversation');
    await expect.poll(() => items.count()).toBe(2);
    const order = await items.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-current')));
    expect(order).toEqual(['page', null]);
    await page.keyboard.press('Control+]');
    await expect
      .poll(() => items.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-current'))))
      .toEqual([null, 'page']);
    await page.keyboard.press('Control+[');
    await expect
      .poll(() => items.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-current'))))
      .toEqual(['page', null]);

    // Focus the box, ask with Enter, stop with Escape, regenerate with Mod+Shift+R.
    await page.getByLabel('Message').waitFor();
    await page.keyboard.press('Control+l');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Message');
    // Enter while an input method composes picks a candidate: nothing is sent.
    await page.keyboard.type('Tell me about the sea.');
    await page
      .getByLabel('Message')
      .evaluate((box) =>
        box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true })),
      );
    expect(await page.getByLabel('Message').inputValue()).toBe('Tell me about the sea.');
    expect(
      services.chat.list().every((conversation) => services.chat.view(conversation.id).messages.length === 0),
    ).toBe(true);
    await page.keyboard.press('Enter');
    const streaming = page.locator('[data-testid="message"][data-status="streaming"]');
    await streaming.waitFor();
    await expect.poll(async () => ((await streaming.textContent()) ?? '').length).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="message"][data-role="assistant"]').getByText('Stopped.').waitFor();
    await page.keyboard.press('Control+Shift+R');
    await streaming.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('branch-position').textContent()).toBe('2/2');
    expect(session.errors).toEqual([]);
  });
});
