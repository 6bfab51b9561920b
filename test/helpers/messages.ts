import type { Message } from '../../electron/ipc/schemas/chat';

/** A finished message of conversation 1, as main stores it; `extra` overrides any field. */
export function messageOf(
  id: number,
  parentId: number | null,
  role: Message['role'],
  content: string,
  extra: Partial<Message> = {},
): Message {
  return {
    id,
    conversationId: 1,
    parentId,
    role,
    content,
    reasoning: '',
    status: 'done',
    modelId: null,
    stats: null,
    citations: [],
    trace: null,
    error: null,
    errorCode: null,
    errorText: null,
    createdAt: '2026-11-30T00:00:00.000Z',
    ...extra,
  };
}
