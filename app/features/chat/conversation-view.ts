import type { ConversationView, Message } from '../../../electron/ipc/contract';

/**
 * The view with a message main just created (the question sent, the answer begun) at the end of
 * the branch shown, after its parent, beside its siblings: what main's view would say, without
 * asking main for a conversation of thousands of messages at each one.
 */
export function withMessage(view: ConversationView, message: Message): ConversationView {
  if (view.conversation.id !== message.conversationId || view.messages.some((m) => m.id === message.id)) return view;
  const messages = [...view.messages, message];
  const at = message.parentId === null ? -1 : view.branch.findIndex((item) => item.messageId === message.parentId);
  if (message.parentId !== null && at === -1) return { ...view, messages };
  const siblingIds = messages.filter((m) => m.parentId === message.parentId).map((m) => m.id);
  return { ...view, messages, branch: [...view.branch.slice(0, at + 1), { messageId: message.id, siblingIds }] };
}
