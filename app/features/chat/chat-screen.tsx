import { ArrowDown, Download, PanelLeftClose, PanelLeftOpen, Send, Square } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import type { Citation, Conversation, GenerationSettings, Message } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { useInvoke, useLiveValue } from '../../lib/use-invoke';
import { Button } from '../../ui/button';
import { inputClass } from '../../ui/input';
import { ConversationList } from './conversation-list';
import { ConversationSettings } from './conversation-settings';
import { loadAnswerMarkdown } from './message-content';
import { MessageItem } from './message-item';
import { SourcePanel } from './source-panel';
import { COMPOSER_ID, useChatCommands } from './chat-commands';
import { ChatNextSteps } from './next-steps';
import { useConversation } from './use-conversation';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';

/** Chats over the library: conversations, the branch shown, a composer, and the source of a citation. */
export function ChatScreen() {
  const { t } = useTranslation();
  const [conversations, reloadList] = useInvoke('chat.list');
  const [chosenId, setActiveId] = useState<number | null>(null);
  const [citation, setCitation] = useState<Citation | null>(null);
  // The conversation list folds away while a source is open, so the conversation keeps a readable width.
  const [listOpen, setListOpen] = useState(true);
  const cite = useCallback((next: Citation) => {
    setCitation(next);
    setListOpen(false);
  }, []);
  const onChanged = useCallback(() => reloadList(), [reloadList]);
  const list = conversations.status === 'ready' ? conversations.value : [];
  // The conversation chosen, else the most recent one.
  const activeId = chosenId ?? list[0]?.id ?? null;
  const chat = useConversation(activeId, onChanged);
  useEffect(() => void loadAnswerMarkdown(), []);

  const newChat = useCallback(async () => {
    const collections = await invoke('library.collections');
    const result = await invoke('chat.create', {
      // A new chat answers from every collection; the header's boxes narrow it.
      collectionIds: collections.ok ? collections.value.map((collection) => collection.id) : [],
    });
    if (!result.ok) return void reportError(result.error);
    reloadList();
    setCitation(null);
    setActiveId(result.value.id);
  }, [reloadList]);
  const onNew = useCallback(() => void newChat(), [newChat]);
  const openOther = useCallback((conversationId: number) => {
    setCitation(null);
    setActiveId(conversationId);
  }, []);
  useChatCommands({ chat, conversations: list, activeId, onNew, onOpen: openOther });
  const open = async (conversationId: number, messageId?: number) => {
    setCitation(null);
    if (messageId !== undefined) await invoke('chat.selectBranch', { messageId });
    if (conversationId === activeId) void chat.reload();
    else setActiveId(conversationId);
  };

  return (
    <div className="flex h-full">
      <h1 className="sr-only">{t('nav.chat')}</h1>
      {listOpen && (
        <ConversationList
          conversations={list}
          activeId={activeId}
          onOpen={(id, m) => void open(id, m)}
          onNew={() => void newChat()}
        />
      )}
      <section className="flex min-w-0 flex-1 flex-col" aria-label={t('chat.conversation')}>
        <ChatNextSteps />
        {chat.view ? (
          <>
            <ChatHeader
              conversation={chat.view.conversation}
              onChanged={() => void chat.reload().then(onChanged)}
              listOpen={listOpen}
              onToggleList={() => setListOpen(!listOpen)}
            />
            <Messages chat={chat} onCite={cite} />
            <Composer busy={chat.busy} onSend={(text) => void chat.send(text)} onStop={() => void chat.stop()} />
          </>
        ) : (
          <div className="m-auto max-w-sm text-center text-sm text-muted-foreground">
            <p>{t('chat.empty.intro')}</p>
            <Button variant="primary" className="mt-4" onClick={() => void newChat()}>
              {t('chat.empty.start')}
            </Button>
          </div>
        )}
      </section>
      {citation && <SourcePanel citation={citation} onClose={() => setCitation(null)} />}
    </div>
  );
}

type Item = { message: Message; siblingIds: number[] };

function Messages({ chat, onCite }: { chat: ReturnType<typeof useConversation>; onCite(citation: Citation): void }) {
  const { t } = useTranslation();
  const view = chat.view!;
  const items = useMemo(() => {
    const byId = new Map(view.messages.map((message) => [message.id, message]));
    return view.branch.flatMap((item) => {
      const message = byId.get(item.messageId);
      return message ? [{ message, siblingIds: item.siblingIds }] : [];
    });
  }, [view]);
  const { busy, selectBranch, regenerate, edit } = chat;
  const onSelect = useCallback((id: number) => void selectBranch(id), [selectBranch]);
  const onRegenerate = useCallback((id: number) => void regenerate(id), [regenerate]);
  const onEdit = useCallback((id: number, content: string) => void edit(id, content), [edit]);
  // One function for every render: Virtuoso re-renders its rows when it gets a new one.
  const itemContent = useCallback(
    (_: number, { message, siblingIds }: Item) => (
      <div className="mx-auto max-w-3xl px-4 py-1">
        <MessageItem
          message={message}
          siblingIds={siblingIds}
          busy={busy}
          onSelect={onSelect}
          onRegenerate={onRegenerate}
          onEdit={onEdit}
          onCite={onCite}
        />
      </div>
    ),
    [busy, onSelect, onRegenerate, onEdit, onCite],
  );
  // A message added at the end (a question sent, its answer begun) is brought into view, even when
  // the list sat a few pixels short of its end (row heights are measured as they render).
  const list = useRef<VirtuosoHandle>(null);
  const count = items.length;
  const shown = useRef(count);
  useEffect(() => {
    if (count > shown.current) {
      list.current?.scrollToIndex({ index: count - 1, align: 'end' });
      // Once more after the new row is measured: its height is a guess until it renders.
      const frame = requestAnimationFrame(() => list.current?.scrollToIndex({ index: count - 1, align: 'end' }));
      shown.current = count;
      return () => cancelAnimationFrame(frame);
    }
    shown.current = count;
  }, [count]);
  const [atEnd, setAtEnd] = useState(true);
  if (items.length === 0) {
    return <p className="m-auto text-sm text-muted-foreground">{t('chat.askBelow')}</p>;
  }
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <Virtuoso
        ref={list}
        className="min-h-0 flex-1"
        data={items}
        followOutput="auto"
        // Near the end counts as at the end, so a growing answer keeps being followed.
        atBottomThreshold={64}
        atBottomStateChange={setAtEnd}
        initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
        itemContent={itemContent}
      />
      {!atEnd && (
        <Button
          className="absolute bottom-3 left-1/2 -translate-x-1/2 shadow-md"
          onClick={() => list.current?.scrollToIndex({ index: items.length - 1, align: 'end', behavior: 'smooth' })}
        >
          <ArrowDown className="size-4" aria-hidden /> {t('chat.jumpToLatest')}
        </Button>
      )}
    </div>
  );
}

function ChatHeader({
  conversation,
  onChanged,
  listOpen,
  onToggleList,
}: {
  conversation: Conversation;
  onChanged(): void;
  listOpen: boolean;
  onToggleList(): void;
}) {
  const { t } = useTranslation();
  const [models] = useInvoke('models.list', 'models.changed');
  const [collections] = useLiveValue('library.collections', 'library.changed');
  const chatModels = models.status === 'ready' ? models.value.filter((model) => model.metadata.role === 'chat') : [];
  const update = async (patch: {
    modelId?: string | null;
    collectionIds?: number[];
    systemPrompt?: string;
    generation?: GenerationSettings;
  }) => {
    const result = await invoke('chat.update', { conversationId: conversation.id, ...patch });
    if (!result.ok) reportError(result.error);
    onChanged();
  };
  const exportMarkdown = async () => {
    const result = await invoke('chat.export', {
      conversationId: conversation.id,
      format: 'markdown',
      scope: 'branch',
    });
    if (!result.ok) return void reportError(result.error);
    const url = URL.createObjectURL(new Blob([result.value], { type: 'text/markdown' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${(conversation.title || t('chat.exportFileName')).replace(/[\\/:*?"<>|]+/g, ' ').trim()}.md`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const scope = new Set(conversation.collectionIds);
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border px-4 py-2 text-sm">
      <Button
        variant="ghost"
        className="px-1.5"
        aria-label={listOpen ? t('chat.hideList') : t('chat.showList')}
        aria-expanded={listOpen}
        onClick={onToggleList}
      >
        {listOpen ? (
          <PanelLeftClose className="size-4" aria-hidden />
        ) : (
          <PanelLeftOpen className="size-4" aria-hidden />
        )}
      </Button>
      <h2 className="mr-auto truncate font-semibold" data-testid="conversation-title" translate="no">
        {conversation.title || t('chat.untitled')}
      </h2>
      <select
        aria-label={t('chat.model')}
        className={`${inputClass} w-48`}
        value={conversation.modelId ?? ''}
        onChange={(event) => void update({ modelId: event.target.value || null })}
      >
        <option value="">{t('chat.modelDefault')}</option>
        {chatModels.map((model) => (
          <option key={model.id} value={model.id}>
            {model.metadata.name}
          </option>
        ))}
      </select>
      {collections.status === 'ready' && collections.value.length > 0 && (
        <fieldset className="flex items-center gap-3">
          <legend className="sr-only">{t('chat.scope')}</legend>
          {collections.value.map((collection) => (
            <label key={collection.id} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={scope.has(collection.id)}
                onChange={() =>
                  void update({
                    collectionIds: scope.has(collection.id)
                      ? conversation.collectionIds.filter((id) => id !== collection.id)
                      : [...conversation.collectionIds, collection.id],
                  })
                }
              />
              {collection.name}
            </label>
          ))}
        </fieldset>
      )}
      <ConversationSettings conversation={conversation} onUpdate={(patch) => void update(patch)} />
      <Button variant="ghost" onClick={() => void exportMarkdown()}>
        <Download className="size-4" aria-hidden /> {t('chat.export')}
      </Button>
    </header>
  );
}

function Composer({ busy, onSend, onStop }: { busy: boolean; onSend(text: string): void; onStop(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim() || busy) return;
    onSend(text.trim());
    setText('');
  };
  return (
    <form className="mx-auto flex w-full max-w-3xl gap-2 p-4" onSubmit={submit}>
      <textarea
        aria-label={t('chat.composer.label')}
        placeholder={t('chat.composer.placeholder')}
        className={`${inputClass} min-h-11 resize-none`}
        rows={2}
        value={text}
        onChange={(event) => setText(event.target.value)}
        id={COMPOSER_ID}
        onKeyDown={(event) => {
          // Not while an input method is composing: its Enter picks a candidate (Japanese, Chinese…).
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229)
            submit(event);
        }}
      />
      {busy ? (
        <Button variant="danger" onClick={onStop}>
          <Square className="size-4" aria-hidden /> {t('chat.composer.stop')}
        </Button>
      ) : (
        <Button type="submit" variant="primary" disabled={!text.trim()}>
          <Send className="size-4" aria-hidden /> {t('chat.composer.send')}
        </Button>
      )}
    </form>
  );
}
