import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { ConversationView, Message, StreamHandle } from '../../../electron/ipc/contract';
import { invoke, stream } from '../../api';

/** An answer being written: its message id once main has created it, and the text so far. */
export interface Streaming {
  answerId: number | null;
  text: string;
  reasoning: string;
  /** Files a whole-collection summary has read, of how many. */
  progress: { done: number; total: number } | null;
}

/**
 * One conversation for the chat screen: its messages and the branch shown, and the actions that
 * change them. Answers stream in; `stop()` ends one and main keeps what was written. After every
 * action the conversation is read again from main, which is the only source of truth.
 */
export function useConversation(conversationId: number | null, onChanged: () => void) {
  const [view, setView] = useState<ConversationView | null>(null);
  const [streaming, setStreaming] = useState<Streaming | null>(null);
  const handle = useRef<StreamHandle<Message> | null>(null);

  const reload = useCallback(async () => {
    if (conversationId === null) return;
    const result = await invoke('chat.view', { conversationId });
    if (result.ok) setView(result.value);
    else toast.error(result.error.message);
  }, [conversationId]);

  useEffect(() => {
    if (conversationId === null) return;
    let live = true;
    void invoke('chat.view', { conversationId }).then((result) => live && result.ok && setView(result.value));
    return () => {
      live = false;
    };
  }, [conversationId]);

  const run = useCallback(
    async (start: (onEvent: Parameters<typeof stream<'chat.send'>>[2]) => StreamHandle<Message>) => {
      setStreaming({ answerId: null, text: '', reasoning: '', progress: null });
      const current = start((event) => {
        if (event.type === 'message') {
          if (event.message.role === 'assistant') setStreaming((s) => s && { ...s, answerId: event.message.id });
          void reload();
        } else if (event.type === 'text') {
          setStreaming((s) => s && { ...s, text: s.text + event.text });
        } else if (event.type === 'reasoning') {
          setStreaming((s) => s && { ...s, reasoning: s.reasoning + event.text });
        } else {
          setStreaming((s) => s && { ...s, progress: { done: event.done, total: event.total } });
        }
      });
      handle.current = current;
      const result = await current.result;
      handle.current = null;
      setStreaming(null);
      await reload();
      onChanged();
      if (!result.ok && result.error.code !== 'CANCELLED') toast.error(result.error.message, { duration: 15_000 });
    },
    [reload, onChanged],
  );

  const send = useCallback(
    (content: string) =>
      conversationId !== null && run((onEvent) => stream('chat.send', { conversationId, content }, onEvent)),
    [conversationId, run],
  );
  const regenerate = useCallback(
    (messageId: number) => run((onEvent) => stream('chat.regenerate', { messageId }, onEvent)),
    [run],
  );
  const edit = useCallback(
    (messageId: number, content: string) => run((onEvent) => stream('chat.edit', { messageId, content }, onEvent)),
    [run],
  );
  const stop = useCallback(() => handle.current?.abort(), []);
  const selectBranch = useCallback(async (messageId: number) => {
    const result = await invoke('chat.selectBranch', { messageId });
    if (result.ok) setView(result.value);
    else toast.error(result.error.message);
  }, []);

  // A view of another conversation (the one before a switch) is never shown.
  const shown = view && view.conversation.id === conversationId ? view : null;
  return { view: shown, streaming, send, regenerate, edit, stop, selectBranch, reload };
}
