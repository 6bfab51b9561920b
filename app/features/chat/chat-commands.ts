import { useMemo } from 'react';
import type { Conversation } from '../../../electron/ipc/contract';
import { useCommands, type Command } from '../../lib/commands';
import type { useConversation } from './use-conversation';

/** The id of the composer's text box, which Mod+L focuses. */
export const COMPOSER_ID = 'chat-composer';

/**
 * The Chat screen's keyboard commands while it is shown: new chat, the message box, stop and
 * regenerate the answer, and the next or previous conversation (also in the command palette).
 */
export function useChatCommands({
  chat,
  conversations,
  activeId,
  onNew,
  onOpen,
}: {
  chat: ReturnType<typeof useConversation>;
  conversations: readonly Conversation[];
  activeId: number | null;
  onNew(): void;
  onOpen(conversationId: number): void;
}): void {
  const { busy, stop, regenerate, view } = chat;
  const lastAnswer = view?.branch.at(-1)?.messageId;
  const lastIsAnswer = view?.messages.find((message) => message.id === lastAnswer)?.role === 'assistant';
  const commands = useMemo(() => {
    const index = conversations.findIndex((conversation) => conversation.id === activeId);
    const step = (by: number) => {
      const next = conversations[index + by];
      if (next) onOpen(next.id);
    };
    const list: Command[] = [
      { id: 'chat:new', label: 'New chat', group: 'Chat', keys: 'Mod+N', run: onNew },
      {
        id: 'chat:focus',
        label: 'Focus the message box',
        group: 'Chat',
        keys: 'Mod+L',
        run: () => document.getElementById(COMPOSER_ID)?.focus(),
      },
      {
        id: 'chat:send',
        label: 'Send the message',
        group: 'Chat',
        keys: 'Enter',
        helpOnly: true,
        run: () => undefined,
      },
      { id: 'chat:next', label: 'Next conversation', group: 'Chat', keys: 'Mod+]', run: () => step(1) },
      { id: 'chat:previous', label: 'Previous conversation', group: 'Chat', keys: 'Mod+[', run: () => step(-1) },
    ];
    // Listed always (the help sheet shows them); each does something only when it can.
    list.push(
      {
        id: 'chat:stop',
        label: 'Stop the answer',
        group: 'Chat',
        keys: 'Escape',
        whileTyping: true,
        run: () => busy && void stop(),
      },
      {
        id: 'chat:regenerate',
        label: 'Regenerate the last answer',
        group: 'Chat',
        keys: 'Mod+Shift+R',
        run: () => !busy && lastIsAnswer && lastAnswer !== undefined && regenerate(lastAnswer),
      },
    );
    return list;
  }, [busy, stop, regenerate, lastAnswer, lastIsAnswer, conversations, activeId, onNew, onOpen]);
  useCommands(commands);
}
