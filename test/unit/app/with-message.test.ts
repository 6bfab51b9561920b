import { describe, expect, it } from 'vitest';
import { withMessage } from '../../../app/features/chat/conversation-view';
import type { ConversationView, Message } from '../../../electron/ipc/contract';
import { messageOf } from '../../helpers/messages';

const message = (id: number, parentId: number | null, role: Message['role'] = 'user') =>
  messageOf(id, parentId, role, `m${id}`);

const view = (messages: Message[], branch: number[]): ConversationView => ({
  conversation: { id: 1 } as ConversationView['conversation'],
  messages,
  branch: branch.map((messageId) => ({
    messageId,
    siblingIds: messages
      .filter((m) => m.parentId === messages.find((x) => x.id === messageId)!.parentId)
      .map((m) => m.id),
  })),
});

describe('a message main created, shown without asking main again', () => {
  const before = view([message(1, null), message(2, 1, 'assistant')], [1, 2]);

  it('a question sent goes at the end of the branch, then its answer after it', () => {
    const asked = withMessage(before, message(3, 2));
    const answered = withMessage(asked, message(4, 3, 'assistant'));
    expect(answered.branch).toEqual([
      { messageId: 1, siblingIds: [1] },
      { messageId: 2, siblingIds: [2] },
      { messageId: 3, siblingIds: [3] },
      { messageId: 4, siblingIds: [4] },
    ]);
    expect(answered.messages.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });

  it('a regenerated answer replaces the branch from its parent on, beside its sibling', () => {
    const regenerated = withMessage(before, message(5, 1, 'assistant'));
    expect(regenerated.branch).toEqual([
      { messageId: 1, siblingIds: [1] },
      { messageId: 5, siblingIds: [2, 5] },
    ]);
  });

  it('an edited first question starts a branch of its own', () => {
    expect(withMessage(before, message(6, null)).branch).toEqual([{ messageId: 6, siblingIds: [1, 6] }]);
  });

  it('ignores a message it has, or one of another conversation', () => {
    expect(withMessage(before, message(2, 1, 'assistant'))).toBe(before);
    expect(withMessage(before, { ...message(7, 2), conversationId: 9 })).toBe(before);
  });
});
