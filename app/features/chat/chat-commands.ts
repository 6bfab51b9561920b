import { useMemo } from 'react';
import type { Conversation } from '../../../electron/ipc/contract';
import { useCommands, type Command } from '../../lib/commands';
import type { useConversation } from './use-conversation';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  const lastAnswer = view?.branch.at(-1)?.messageId;
  const lastIsAnswer = view?.messages.find((message) => message.id === lastAnswer)?.role === 'assistant';
  const commands = useMemo(() => {
    const index = conversations.findIndex((conversation) => conversation.id === activeId);
    const step = (by: number) => {
      const next = conversations[index + by];
      if (next) onOpen(next.id);
    };
    const list: Command[] = [
      { id: 'chat:new', label: t('commands.newChat'), group: 'chat', keys: 'Mod+N', run: onNew },
      {
        id: 'chat:focus',
        label: t('commands.focusComposer'),
        group: 'chat',
        keys: 'Mod+L',
        run: () => document.getElementById(COMPOSER_ID)?.focus(),
      },
      {
        id: 'chat:send',
        label: t('commands.send'),
        group: 'chat',
        keys: 'Enter',
        helpOnly: true,
        run: () => undefined,
      },
      { id: 'chat:next', label: t('commands.nextChat'), group: 'chat', keys: 'Mod+]', run: () => step(1) },
      { id: 'chat:previous', label: t('commands.previousChat'), group: 'chat', keys: 'Mod+[', run: () => step(-1) },
    ];
    // Listed always (the help sheet shows them); each does something only when it can.
    list.push(
      {
        id: 'chat:stop',
        label: t('commands.stop'),
        group: 'chat',
        keys: 'Escape',
        whileTyping: true,
        run: () => busy && void stop(),
      },
      {
        id: 'chat:regenerate',
        label: t('commands.regenerate'),
        group: 'chat',
        keys: 'Mod+Shift+R',
        run: () => !busy && lastIsAnswer && lastAnswer !== undefined && regenerate(lastAnswer),
      },
    );
    return list;
  }, [busy, stop, regenerate, lastAnswer, lastIsAnswer, conversations, activeId, onNew, onOpen, t]);
  useCommands(commands);
}
