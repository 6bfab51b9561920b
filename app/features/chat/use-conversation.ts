import { useCallback, useEffect, useState } from 'react';
import type { AnswerEvent, ConversationView, StreamInput } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { onTaskEnd, onTaskEvent, startTask, useTaskValue } from '../../lib/tasks';
import { withMessage } from './conversation-view';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';

/** An answer being written: its message id once main has created it, and the text so far. */
export interface Streaming {
  answerId: number | null;
  text: string;
  reasoning: string;
  /** Files a whole-collection summary has read, of how many. */
  progress: { done: number; total: number } | null;
}

/** How often a conversation with an answer no task of this window follows is read again. */
const ORPHAN_POLL_MS = 1000;

const answerKey = (conversationId: number) => `answer:${conversationId}`;

/**
 * Asks, answers again or edits in `conversationId` as a task of the app: the Chat screen follows
 * it wherever it was started (the welcome guide's first question starts one before Chat opens).
 */
export function startAnswer<C extends 'chat.send' | 'chat.regenerate' | 'chat.edit'>(
  conversationId: number,
  channel: C,
  input: StreamInput<C>,
) {
  return startTask(answerKey(conversationId), channel, input, {
    initial: { answerId: null, text: '', reasoning: '', progress: null },
    reduce,
  });
}

/**
 * What the answer `messageId` shows while it is written: its text so far (or, for a summary of a
 * collection, how many files it has read). `null` when it is not being written. Only the component
 * that calls this re-renders for each token.
 */
export function useStreamingText(conversationId: number, messageId: number): string | null {
  const { t } = useTranslation();
  return useTaskValue<Streaming, string | null>(answerKey(conversationId), (task) => {
    if (!task || task.progress.answerId !== messageId) return null;
    const { text, progress } = task.progress;
    return text || (progress ? t('chat.reading', { done: progress.done, total: progress.total }) : '');
  });
}

function reduce(streaming: Streaming, event: AnswerEvent): Streaming {
  switch (event.type) {
    case 'message':
      return { ...streaming, answerId: event.message.role === 'assistant' ? event.message.id : streaming.answerId };
    case 'text':
      return { ...streaming, text: streaming.text + event.text };
    case 'reasoning':
      return { ...streaming, reasoning: streaming.reasoning + event.text };
    default:
      return { ...streaming, progress: { done: event.done, total: event.total } };
  }
}

/**
 * One conversation for the chat screen: its messages and the branch shown, and the actions that
 * change them. An answer is a task of the app (lib/tasks.ts), not of this screen: go to Library
 * and back mid-answer, and it is still streaming here, with Stop. `stop()` asks main to stop the
 * answer by its id (`chat.stop`), so it also stops one this window no longer follows; main keeps
 * what was written. Messages main creates for an answer are added from its events; when the
 * answer ends, and after every other change, the conversation is read again from main, the only
 * source of truth.
 */
export function useConversation(conversationId: number | null, onChanged: () => void) {
  const [view, setView] = useState<ConversationView | null>(null);
  const key = conversationId === null ? null : answerKey(conversationId);
  // Whether an answer runs, and which: not its text, so the screen does not re-render per token.
  const running = useTaskValue<Streaming, boolean>(key, (task) => task !== undefined);
  const taskAnswerId = useTaskValue<Streaming, number | null>(key, (task) => task?.progress.answerId ?? null);
  const abort = useTaskValue<Streaming, (() => void) | undefined>(key, (task) => task?.abort);

  const reload = useCallback(async () => {
    if (conversationId === null) return;
    const result = await invoke('chat.view', { conversationId });
    if (result.ok) setView(result.value);
    else reportError(result.error);
  }, [conversationId]);

  useEffect(() => {
    if (conversationId === null) return;
    let live = true;
    void invoke('chat.view', { conversationId }).then((result) => live && result.ok && setView(result.value));
    return () => {
      live = false;
    };
  }, [conversationId]);

  // Main created the question or the answer: show it. The answer ended: show it as saved.
  useEffect(
    () =>
      onTaskEvent((ended, event) => {
        const answer = event as AnswerEvent;
        if (ended === key && answer.type === 'message') setView((v) => v && withMessage(v, answer.message));
      }),
    [key],
  );
  useEffect(
    () =>
      onTaskEnd((ended) => {
        if (ended !== key) return;
        void reload();
        onChanged();
      }),
    [key, reload, onChanged],
  );

  // A view of another conversation (the one before a switch) is never shown.
  const shown = view && view.conversation.id === conversationId ? view : null;
  // An answer being written that no task of this window follows (its stream ended with a reload).
  const orphan = running ? undefined : shown?.messages.find((message) => message.status === 'streaming');
  useEffect(() => {
    if (!orphan) return;
    const timer = setInterval(() => void reload(), ORPHAN_POLL_MS);
    return () => clearInterval(timer);
  }, [orphan, reload]);

  const run = useCallback(
    <C extends 'chat.send' | 'chat.regenerate' | 'chat.edit'>(channel: C, input: StreamInput<C>) => {
      if (conversationId !== null) void startAnswer(conversationId, channel, input);
    },
    [conversationId],
  );

  const send = useCallback(
    (content: string) => conversationId !== null && run('chat.send', { conversationId, content }),
    [conversationId, run],
  );
  const regenerate = useCallback((messageId: number) => run('chat.regenerate', { messageId }), [run]);
  const edit = useCallback((messageId: number, content: string) => run('chat.edit', { messageId, content }), [run]);
  const answerId = taskAnswerId ?? orphan?.id ?? null;
  const stop = useCallback(async () => {
    // Before main has created the answer there is no id to stop: end the stream instead.
    if (answerId === null) return abort?.();
    const result = await invoke('chat.stop', { messageId: answerId });
    if (!result.ok) reportError(result.error);
  }, [answerId, abort]);
  const selectBranch = useCallback(async (messageId: number) => {
    const result = await invoke('chat.selectBranch', { messageId });
    if (result.ok) setView(result.value);
    else reportError(result.error);
  }, []);

  return {
    view: shown,
    /** An answer is being written in this conversation: Send waits, Stop shows. */
    busy: running || orphan !== undefined,
    send,
    regenerate,
    edit,
    stop,
    selectBranch,
    reload,
  };
}
