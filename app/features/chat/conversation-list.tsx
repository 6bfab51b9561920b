import { Plus, Search } from 'lucide-react';
import { useState } from 'react';
import type { Conversation, InvokeOutput } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { cn } from '../../lib/cn';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { useTranslation } from 'react-i18next';

type Hits = InvokeOutput<'chat.search'>;

/** The conversations, newest first, with a search over every message of every one. */
export function ConversationList({
  conversations,
  activeId,
  onOpen,
  onNew,
}: {
  conversations: Conversation[];
  activeId: number | null;
  onOpen(conversationId: number, messageId?: number): void;
  onNew(): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hits | null>(null);
  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return setHits(null);
    const result = await invoke('chat.search', { query: query.trim() });
    setHits(result.ok ? result.value : []);
  };
  return (
    <nav aria-label={t('chat.list.label')} className="flex w-60 shrink-0 flex-col gap-2 border-r border-border p-3">
      <Button variant="primary" onClick={onNew}>
        <Plus className="size-4" aria-hidden /> {t('chat.untitled')}
      </Button>
      <form role="search" className="flex gap-1" onSubmit={(event) => void search(event)}>
        <Input
          aria-label={t('chat.list.search')}
          placeholder={t('chat.list.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Button type="submit" variant="ghost" className="px-2" aria-label={t('chat.list.searchNow')}>
          <Search className="size-4" aria-hidden />
        </Button>
      </form>
      {hits ? (
        <ul className="flex flex-col gap-1 overflow-y-auto text-sm" aria-label={t('chat.list.results')}>
          {hits.length === 0 && <li className="text-muted-foreground">{t('chat.list.noMatch')}</li>}
          {hits.map((hit) => (
            <li key={hit.messageId}>
              <button
                type="button"
                data-testid="chat-search-hit"
                className="w-full rounded-md p-2 text-left hover:bg-accent"
                onClick={() => onOpen(hit.conversationId, hit.messageId)}
              >
                <div className="truncate font-medium" translate="no">
                  {hit.conversationTitle || t('chat.untitled')}
                </div>
                <div className="text-xs text-muted-foreground" translate="no">
                  {marked(hit.snippet)}
                </div>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="flex flex-col gap-0.5 overflow-y-auto text-sm">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <button
                type="button"
                data-testid="conversation"
                translate="no"
                aria-current={conversation.id === activeId ? 'page' : undefined}
                className={cn(
                  'w-full truncate rounded-md px-2 py-1.5 text-left hover:bg-accent',
                  conversation.id === activeId && 'bg-accent font-medium',
                )}
                onClick={() => onOpen(conversation.id)}
              >
                {conversation.title || t('chat.untitled')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** A snippet with \u0002…\u0003 around matched words (from main), as text with <mark>s. */
function marked(snippet: string): React.ReactNode[] {
  const [start, end] = ['\u0002', '\u0003'];
  return snippet.split(start).flatMap((part, i) => {
    if (i === 0) return [<span key={i}>{part}</span>];
    const [hit, rest = ''] = part.split(end);
    return [<mark key={`${i}m`}>{hit}</mark>, <span key={i}>{rest}</span>];
  });
}
