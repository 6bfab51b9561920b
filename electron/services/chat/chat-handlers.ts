import type { Services } from '..';
import type { DomainHandlers } from '../handlers/domain';
import { exportJson, exportMarkdown } from './export';

/** `chat.*`: conversations, their answers, search and export. */
export function chatHandlers({ chat }: Pick<Services, 'chat'>): DomainHandlers<'chat'> {
  return {
    invoke: {
      'chat.list': () => chat.list(),
      'chat.create': (input) => chat.create(input),
      'chat.view': ({ conversationId }) => chat.view(conversationId),
      'chat.update': ({ conversationId, ...patch }) => chat.update(conversationId, { ...patch, titleSource: 'user' }),
      'chat.remove': ({ conversationId }) => {
        chat.remove(conversationId);
        return null;
      },
      'chat.selectBranch': ({ messageId }) => chat.selectBranch(messageId),
      'chat.search': ({ query, limit }) => chat.search(query, limit),
      'chat.stop': ({ messageId }) => chat.stop(messageId),
      'chat.export': ({ conversationId, format, scope }) =>
        (format === 'json' ? exportJson : exportMarkdown)(chat.view(conversationId), scope),
    },
    stream: {
      'chat.send': (input, { signal, emit }) => chat.send(input, { signal, onEvent: emit }),
      'chat.regenerate': (input, { signal, emit }) => chat.regenerate(input, { signal, onEvent: emit }),
      'chat.edit': (input, { signal, emit }) => chat.edit(input, { signal, onEvent: emit }),
    },
  };
}
