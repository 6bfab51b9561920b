import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addMessage,
  branchTo,
  createConversation,
  deleteConversation,
  getConversation,
  getMessage,
  listConversations,
  messagesOf,
  saveStreamingText,
  searchMessages,
  selectBranch,
  siblingIds,
  stopInterrupted,
  updateConversation,
  updateMessage,
} from '../../../../electron/services/chat/chat-store';
import { openStore, type Store } from '../../../../electron/services/store/store';
import { startHoldChild } from '../../../helpers/hold-child-process';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function open() {
  store = openStore({ dataDir: tempDir() });
  return store.hearth;
}

describe('chat store', () => {
  it('keeps every branch: an edited question and a regenerated answer become siblings, and nothing is lost', () => {
    const db = open();
    const chat = createConversation(db, {
      collectionIds: [3],
      systemPrompt: 'Be brief.',
      generation: { temperature: 0 },
    });
    expect(chat).toMatchObject({ title: '', activeLeafId: null, collectionIds: [3], generation: { temperature: 0 } });

    const q1 = addMessage(db, { conversationId: chat.id, parentId: null, role: 'user', content: 'What is tar?' });
    const a1 = addMessage(db, { conversationId: chat.id, parentId: q1.id, role: 'assistant', content: 'An archiver.' });
    const q2 = addMessage(db, { conversationId: chat.id, parentId: a1.id, role: 'user', content: 'And gzip?' });
    const a2 = addMessage(db, {
      conversationId: chat.id,
      parentId: q2.id,
      role: 'assistant',
      content: 'A compressor.',
    });
    // Regenerate the first answer, then edit the first question.
    const a1b = addMessage(db, {
      conversationId: chat.id,
      parentId: q1.id,
      role: 'assistant',
      content: 'A tape archiver.',
    });
    const q1b = addMessage(db, { conversationId: chat.id, parentId: null, role: 'user', content: 'What does tar do?' });

    expect(messagesOf(db, chat.id)).toHaveLength(6);
    expect(siblingIds(db, a1.id)).toEqual([a1.id, a1b.id]);
    expect(siblingIds(db, q1b.id)).toEqual([q1.id, q1b.id]);
    expect(getConversation(db, chat.id).activeLeafId).toBe(q1b.id);

    // Moving back to the first question shows its newest branch down to the leaf.
    expect(selectBranch(db, q1.id).activeLeafId).toBe(a1b.id);
    expect(selectBranch(db, a1.id).activeLeafId).toBe(a2.id);
    expect(branchTo(db, a2.id).map((message) => message.content)).toEqual([
      'What is tar?',
      'An archiver.',
      'And gzip?',
      'A compressor.',
    ]);
  });

  it('refuses a parent from another conversation', () => {
    const db = open();
    const one = createConversation(db);
    const other = createConversation(db);
    const message = addMessage(db, { conversationId: one.id, parentId: null, role: 'user', content: 'hi' });
    expect(() => addMessage(db, { conversationId: other.id, parentId: message.id, role: 'assistant' })).toThrow(
      /own conversation/,
    );
  });

  it('keeps what a streaming answer saved when its process is killed (kill -9), then marks it stopped', async () => {
    const db = open();
    const dataDir = dirname(db.name);
    const chat = createConversation(db);
    const question = addMessage(db, { conversationId: chat.id, parentId: null, role: 'user', content: 'Why?' });
    const answer = addMessage(db, {
      conversationId: chat.id,
      parentId: question.id,
      role: 'assistant',
      status: 'streaming',
    });
    const done = addMessage(db, { conversationId: chat.id, parentId: question.id, role: 'assistant', content: 'kept' });
    store!.close();
    store = undefined;

    const child = startHoldChild(['stream', dataDir, String(answer.id), 'Because the tide']);
    expect(await child.said).toBe('saved');
    child.process.kill('SIGKILL');
    await new Promise((resolve) => child.process.once('exit', resolve));

    store = openStore({ dataDir });
    expect(stopInterrupted(store.hearth)).toBe(1);
    expect(getMessage(store.hearth, answer.id)).toMatchObject({ status: 'stopped', content: 'Because the tide' });
    // Only a message still streaming is written; the connection is back at its own level (FULL).
    saveStreamingText(store.hearth, done.id, { content: 'overwritten', reasoning: '' });
    expect(getMessage(store.hearth, done.id).content).toBe('kept');
    expect(store.hearth.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('saves a streaming answer as it grows, marks it stopped after a crash, and searches every message', () => {
    const db = open();
    const chat = createConversation(db);
    const question = addMessage(db, {
      conversationId: chat.id,
      parentId: null,
      role: 'user',
      content: 'Tell me about rsync',
    });
    const answer = addMessage(db, {
      conversationId: chat.id,
      parentId: question.id,
      role: 'assistant',
      status: 'streaming',
    });
    updateMessage(db, answer.id, { content: 'rsync copies files incrementally over ssh' });
    // A restart after a crash.
    store!.close();
    store = openStore({ dataDir: store!.hearth.name.replace(/\/hearth\.db$/, '') });
    const db2 = store.hearth;
    expect(stopInterrupted(db2)).toBe(1);
    expect(messagesOf(db2, chat.id)[1]).toMatchObject({
      status: 'stopped',
      content: 'rsync copies files incrementally over ssh',
    });

    updateConversation(db2, chat.id, { title: 'File copying', titleSource: 'user' });
    updateConversation(db2, chat.id, { title: 'Generated title', titleSource: 'generated' });
    expect(getConversation(db2, chat.id).title).toBe('File copying');

    const hits = searchMessages(db2, 'incremental copying', { limit: 10, marks: ['[', ']'] });
    expect(hits).toEqual([
      expect.objectContaining({
        conversationId: chat.id,
        conversationTitle: 'File copying',
        messageId: answer.id,
        role: 'assistant',
        snippet: expect.stringContaining('[copies]'),
      }),
    ]);
    // The index follows edits of a message's text.
    updateMessage(db2, answer.id, { content: 'rsync mirrors folders' });
    expect(searchMessages(db2, 'incremental', { limit: 10, marks: ['[', ']'] })).toEqual([]);
    expect(searchMessages(db2, 'mirrors', { limit: 10, marks: ['[', ']'] })).toHaveLength(1);

    deleteConversation(db2, chat.id);
    expect(listConversations(db2)).toEqual([]);
    expect(db2.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(searchMessages(db2, 'mirrors', { limit: 10, marks: ['[', ']'] })).toEqual([]);
  });
});
