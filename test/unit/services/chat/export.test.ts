import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../electron/ipc/schemas/chat';
import type { ConversationView } from '../../../../electron/services/chat/chat-service';
import { exportJson, exportMarkdown } from '../../../../electron/services/chat/export';
import { messageOf } from '../../../helpers/messages';

const message = messageOf;

const cited = message(2, 1, 'assistant', 'Use caffeinate [1]. It brews tea [2].', {
  citations: [
    {
      n: 1,
      markerStart: 15,
      markerEnd: 18,
      claim: 'Use caffeinate',
      status: 'supported',
      kind: 'paraphrase',
      score: 1,
      match: { start: 0, end: 10, text: 'caffeinate' },
      source: {
        documentId: 4,
        path: '/notes/osx/caffeinate.md',
        relativePath: 'osx/caffeinate.md',
        page: null,
        lineStart: 1,
        lineEnd: 12,
        headingPath: 'caffeinate',
        chunkIds: [9],
        text: 'caffeinate: prevent sleep',
      },
    },
    {
      n: 2,
      markerStart: 33,
      markerEnd: 36,
      claim: 'It brews tea',
      status: 'out-of-range',
      kind: 'paraphrase',
      score: 0,
      match: null,
      source: null,
    },
  ],
});

const view: ConversationView = {
  conversation: {
    id: 1,
    title: 'Keeping awake',
    modelId: null,
    systemPrompt: '',
    collectionIds: [1],
    generation: {},
    activeLeafId: 2,
    createdAt: '2026-11-30T00:00:00.000Z',
    updatedAt: '2026-11-30T00:00:00.000Z',
  },
  messages: [
    message(1, null, 'user', 'How do I keep my mac awake?'),
    cited,
    message(3, 1, 'assistant', 'An older answer.', { status: 'stopped' }),
  ],
  branch: [
    { messageId: 1, siblingIds: [1] },
    { messageId: 2, siblingIds: [2, 3] },
  ],
};

describe('conversation export', () => {
  it('writes the branch shown as Markdown with its citations', () => {
    expect(exportMarkdown(view, 'branch')).toBe(
      [
        '# Keeping awake',
        '',
        '## You',
        '',
        'How do I keep my mac awake?',
        '',
        '## Hearth',
        '',
        'Use caffeinate [1]. It brews tea [2].',
        '',
        'Sources:',
        '',
        '- [1] osx/caffeinate.md, lines 1–12 — supported: “caffeinate”',
        '- [2] no such source was given (out of range)',
        '',
      ].join('\n'),
    );
  });

  it('writes every branch in the tree export, each message saying what it follows', () => {
    const markdown = exportMarkdown(view, 'tree');
    expect(markdown).toContain('## Hearth (#3, after #1) — stopped\n\nAn older answer.');
    expect(markdown).toContain('## Hearth (#2, after #1)');
  });

  it('writes JSON with every message of the scope and the branch shown', () => {
    const branch = JSON.parse(exportJson(view, 'branch')) as { messages: Message[]; activeBranch: number[] };
    expect(branch.messages.map((m) => m.id)).toEqual([1, 2]);
    expect(branch.activeBranch).toEqual([1, 2]);
    expect(branch.messages[1]!.citations[0]!.source!.relativePath).toBe('osx/caffeinate.md');
    const tree = JSON.parse(exportJson(view, 'tree')) as { messages: Message[]; scope: string };
    expect(tree).toMatchObject({ scope: 'tree' });
    expect(tree.messages).toHaveLength(3);
  });
});
