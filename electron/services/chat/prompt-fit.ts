import type { ChatHistoryItem, LlamaChat } from 'node-llama-cpp';
import { HearthError } from '../../ipc/errors';
import { mainText } from '../../ipc/main-text';

/** The least room an answer needs after the question; a longer question is refused. */
export const MIN_ANSWER_TOKENS = 64;

/**
 * Refuses a turn whose prompt cannot fit the model's context with room to answer, before anything
 * is evaluated, by counting the tokens the chat template makes of it: never by reading
 * node-llama-cpp's error text, which is worded for developers and may change.
 *
 * Older turns do not count: node-llama-cpp's context shift drops them. Its default strategy keeps
 * the first system message (a chat's instructions and sources) and the question whole, so those
 * must fit in what a shift leaves (`contextSize` less the shift size, a tenth of it), or it would
 * fail half-way, or cut the question to make it fit without saying so.
 */
export function checkPromptFits(chat: LlamaChat, history: readonly ChatHistoryItem[], contextSize: number): void {
  const question = history.at(-1);
  if (question?.type !== 'user') return;
  const room = contextSize - Math.max(MIN_ANSWER_TOKENS, Math.floor(contextSize / 10));
  const questionTokens = chat.model.tokenize(question.text).length;
  const first = history[0];
  const kept: ChatHistoryItem[] = [
    ...(first?.type === 'system' ? [first] : []),
    question,
    { type: 'model', response: [] },
  ];
  const promptTokens = chat.chatWrapper
    .generateContextState({ chatHistory: kept })
    .contextText.tokenize(chat.model.tokenizer).length;
  if (promptTokens <= room) return;
  const details = { promptTokens, questionTokens, room, contextSize };
  throw new HearthError(
    'CONTEXT_OVERFLOW',
    questionTokens > room
      ? mainText('chat.questionTooLong', { contextSize })
      : mainText('chat.sourcesTooLong', { contextSize }),
    details,
  );
}
