import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import type { AnswerEvent } from '../../../../electron/ipc/schemas/chat';
import { resolveCitations } from '../../../../electron/services/chat/grounded-answer';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';
import { CORPUS } from '../../../helpers/corpus';

const tempDir = useTempDir();
const OSX = join(CORPUS, 'tldr/pages/osx');
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

async function chatServices(dataDir = tempDir()) {
  services = startServices(dataDir).services;
  const model = await services.models.import(fixtureModel('tiny-chat'), 'reference');
  return { s: services, modelId: model.id, dataDir };
}

const greedy = { temperature: 0, maxTokens: 24 };

describe('chat service', () => {
  it('streams an answer into the conversation, and the follow-up evaluates only the new tokens', async () => {
    const { s } = await chatServices();
    const chat = s.chat.create({ generation: greedy, systemPrompt: 'You are a careful assistant. '.repeat(20) });
    const events: AnswerEvent[] = [];
    const first = await s.chat.send(
      { conversationId: chat.id, content: 'What does tar do?' },
      { onEvent: (event) => events.push(event) },
    );
    expect(events[0]).toMatchObject({ type: 'message', message: { role: 'user', content: 'What does tar do?' } });
    expect(events[1]).toMatchObject({ type: 'message', message: { role: 'assistant', status: 'streaming' } });
    const streamed = events.flatMap((event) => (event.type === 'text' ? [event.text] : [])).join('');
    expect(first).toMatchObject({ role: 'assistant', status: 'done', content: streamed });
    expect(first.stats!.generatedTokens).toBeGreaterThan(0);

    const second = await s.chat.send({ conversationId: chat.id, content: 'And gzip?' });
    expect(second.parentId).not.toBe(first.id); // it answers the new question
    expect(second.stats!.evaluatedTokens).toBeLessThanOrEqual(second.stats!.promptTokens - first.stats!.promptTokens);
    expect(second.stats!.evaluatedTokens).toBeLessThan(first.stats!.evaluatedTokens / 3);

    const view = s.chat.view(chat.id);
    expect(view.conversation.title).toBe('What does tar do');
    expect(view.branch.map((item) => view.messages.find((m) => m.id === item.messageId)!.content)).toEqual([
      'What does tar do?',
      first.content,
      'And gzip?',
      second.content,
    ]);
  });

  it('stops mid-answer and keeps the partial answer; regenerate and edit branch without losing anything', async () => {
    const { s } = await chatServices();
    const chat = s.chat.create({ generation: { temperature: 0.9, seed: 3, maxTokens: 400 } });
    const controller = new AbortController();
    let chunks = 0;
    const stopped = await s.chat.send(
      { conversationId: chat.id, content: 'Tell me a long story.' },
      {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'text' && ++chunks === 6) controller.abort();
        },
      },
    );
    expect(stopped.status).toBe('stopped');
    expect(stopped.content.length).toBeGreaterThan(0);
    // A text chunk can hold several tokens (bytes of one character): far below the 400 allowed.
    expect(stopped.stats!.generatedTokens).toBeLessThan(20);

    const regenerated = await s.chat.regenerate({ messageId: stopped.id });
    expect(regenerated.parentId).toBe(stopped.parentId);
    const edited = await s.chat.edit({ messageId: stopped.parentId!, content: 'Tell me a short story.' });

    const view = s.chat.view(chat.id);
    expect(view.messages).toHaveLength(5); // 2 questions, 3 answers: nothing was overwritten
    expect(view.messages.find((m) => m.id === stopped.id)).toMatchObject({
      status: 'stopped',
      content: stopped.content,
    });
    const [questionOnBranch, answerOnBranch] = view.branch;
    expect(questionOnBranch!.siblingIds).toEqual([stopped.parentId, edited.parentId]);
    expect(answerOnBranch!.messageId).toBe(edited.id);

    // Back to the first question: its newest answer (the regenerated one) shows, with its sibling.
    const back = s.chat.selectBranch(stopped.parentId!);
    expect(back.branch.map((item) => item.messageId)).toEqual([stopped.parentId, regenerated.id]);
    expect(back.branch[1]!.siblingIds).toEqual([stopped.id, regenerated.id]);
  });

  it('stops an answer by its message id from anywhere, not only through the stream that started it', async () => {
    const { s } = await chatServices();
    const chat = s.chat.create({ generation: { temperature: 0.9, seed: 3, maxTokens: 400 } });
    let answerId: number | null = null;
    let chunks = 0;
    let stoppedNow: boolean | null = null;
    const stopped = await s.chat.send(
      { conversationId: chat.id, content: 'Tell me a long story.' },
      {
        // No signal: the stream's owner never stops it; another caller does, by id.
        onEvent: (event) => {
          if (event.type === 'message' && event.message.role === 'assistant') answerId = event.message.id;
          if (event.type === 'text' && ++chunks === 6) stoppedNow = s.chat.stop(answerId!);
        },
      },
    );
    expect(stoppedNow).toBe(true);
    expect(stopped).toMatchObject({ id: answerId, status: 'stopped' });
    expect(stopped.stats!.generatedTokens).toBeLessThan(20);
    // Not being written any more (or never an answer): nothing to stop.
    expect(s.chat.stop(stopped.id)).toBe(false);
    expect(s.chat.stop(stopped.parentId!)).toBe(false);
  });

  it('keeps a streaming answer across a crash: it is saved as it grows, and stopped at the next start', async () => {
    const { s, dataDir } = await chatServices();
    s.store.hearth.exec('PRAGMA user_version'); // the database is open and migrated
    const chat = s.chat.create({ generation: { temperature: 0.9, seed: 5, maxTokens: 400 } });
    const controller = new AbortController();
    let answerId = 0;
    let saved = '';
    await s.chat.send(
      { conversationId: chat.id, content: 'Write at length.' },
      {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'message' && event.message.role === 'assistant') answerId = event.message.id;
          if (event.type === 'text') {
            // What a crash right now would leave on disk.
            saved = s.store.hearth.prepare('SELECT content FROM messages WHERE id = ?').pluck().get(answerId) as string;
            if (saved.length > 0) controller.abort();
          }
        },
      },
    );
    // Simulate the crash: the row is put back as it was mid-stream, then the app starts again.
    s.store.hearth.prepare(`UPDATE messages SET status = 'streaming', content = ? WHERE id = ?`).run(saved, answerId);
    await s.dispose();
    services = startServices(dataDir).services;
    const after = services.chat.view(chat.id).messages.find((m) => m.id === answerId);
    expect(after).toMatchObject({ status: 'stopped', content: saved });
    expect(saved.length).toBeGreaterThan(0);
  });

  it('grounds a question in the conversation’s collections: numbered sources in the prompt, a trace, checked citations', async () => {
    const { s } = await chatServices();
    const folder = tempDir();
    cpSync(OSX, join(folder, 'osx'), { recursive: true });
    const collection = s.library.createCollection('Mac');
    s.library.addFolder(collection.id, folder);
    await s.library.index(collection.id);

    const chat = s.chat.create({ collectionIds: [collection.id], generation: greedy });
    const answer = await s.chat.send({ conversationId: chat.id, content: 'How do I keep my mac awake?' });
    expect(answer.trace).toMatchObject({ query: 'How do I keep my mac awake?', mode: 'keyword' });
    expect(answer.trace!.passages.length).toBeGreaterThan(0);
    const included = answer.trace!.passages.filter((passage) => passage.n !== null);
    expect(included.map((passage) => passage.n)).toEqual(included.map((_, index) => index + 1));
    const prompt = s.store.hearth
      .prepare('SELECT prompt FROM messages WHERE id = ?')
      .pluck()
      .get(answer.parentId) as string;
    expect(prompt).toMatch(/^Sources:\n\n<source n="1" file="osx\/\S+\.md" where="lines \d+-\d+/);
    expect(prompt.endsWith('Question: How do I keep my mac awake?')).toBe(true);

    // The tiny model's words mean nothing, so citations are checked on a constructed answer with
    // the same sources, resolved to their files.
    const search = await s.search.search({ query: 'caffeinate sleep', collectionIds: [collection.id], limit: 2 });
    const sources = search.hits.map((hit, index) => ({ n: index + 1, hit }));
    const citations = resolveCitations(
      'Run caffeinate to prevent the mac from sleeping [1]. It also brews tea [2]. See [5].',
      sources,
    );
    expect(citations.map((c) => [c.n, c.status])).toEqual([
      [1, 'supported'],
      [2, 'unsupported'],
      [5, 'out-of-range'],
    ]);
    expect(citations[0]!.source).toMatchObject({
      relativePath: 'osx/caffeinate.md',
      documentId: search.hits[0]!.documentId,
    });
    expect(citations[2]!.source).toBeNull();
  });

  it('answers "which files mention X" with every matching file, and summarises a whole collection with progress and stop', async () => {
    const { s } = await chatServices();
    const collection = s.library.createCollection('Mac');
    s.library.addFolder(collection.id, OSX);
    await s.library.index(collection.id);
    const matching = s.store.library
      .prepare(
        `SELECT count(DISTINCT c.document_id) FROM chunks_fts f JOIN chunks c ON c.id = f.rowid WHERE chunks_fts MATCH '"disk"'`,
      )
      .pluck()
      .get() as number;
    expect(matching).toBeGreaterThan(8); // more than retrieval's top passages

    const chat = s.chat.create({ collectionIds: [collection.id], generation: { temperature: 0, maxTokens: 16 } });
    const listing = await s.chat.send({ conversationId: chat.id, content: 'Which files mention disk?' });
    expect(listing.content.startsWith(`${matching} files mention “disk”:`)).toBe(true);
    expect(listing.content.match(/^\d+\. \S+\.md — \d+ passages?$/gm)).toHaveLength(matching);
    expect(listing.content).toContain('diskutil.md');
    expect(listing.stats).toBeNull();

    const progress: Array<[number, number]> = [];
    const controller = new AbortController();
    const summary = await s.chat.send(
      { conversationId: chat.id, content: 'Summarise all documents about disk' },
      {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type !== 'progress') return;
          progress.push([event.done, event.total]);
          if (event.done === 2) controller.abort();
        },
      },
    );
    const total = Math.min(matching, 20);
    expect(progress.slice(0, 3)).toEqual([
      [0, total],
      [1, total],
      [2, total],
    ]);
    expect(summary.status).toBe('stopped');
    expect(summary.content).toMatch(new RegExp(`^Summarised 2 of ${matching} matching files \\(stopped\\)\\.`));
    expect(summary.content.match(/^- \S+\.md: /gm)).toHaveLength(2);
  });

  it('keeps a failed answer with its code, the message in the user’s words, and its key to translate it by', async () => {
    const { s, modelId } = await chatServices();
    await s.models.setSettings(modelId, { contextSize: 256 });
    const chat = s.chat.create({ generation: greedy, systemPrompt: 'Answer from the archive. '.repeat(80) });
    await expect(s.chat.send({ conversationId: chat.id, content: 'What is kept?' })).rejects.toMatchObject({
      code: 'CONTEXT_OVERFLOW',
    });
    const answer = s.chat.view(chat.id).messages.find((message) => message.role === 'assistant');
    expect(answer).toMatchObject({
      status: 'failed',
      errorCode: 'CONTEXT_OVERFLOW',
      error: expect.stringMatching(/raise the context size/),
      errorText: {
        key: expect.stringMatching(/^chat\.(questionTooLong|sourcesTooLong)$/),
        params: { contextSize: 256 },
      },
    });
    expect(answer!.errorText!.text).toBe(answer!.error);
  });

  it('says which model is missing instead of failing later', async () => {
    services = startServices(tempDir()).services;
    const chat = services.chat.create();
    await expect(services.chat.send({ conversationId: chat.id, content: 'hi' })).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
    });
    // Nothing was stored: the conversation is not left with a question nothing answered.
    expect(services.chat.view(chat.id).messages).toEqual([]);
  });
});
