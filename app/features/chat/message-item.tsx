import { ChevronLeft, ChevronRight, Pencil, RefreshCw } from 'lucide-react';
import { memo, useState } from 'react';
import type { Citation, Message } from '../../../electron/ipc/contract';
import { remedyFor } from '../../lib/remedies';
import { Button } from '../../ui/button';
import { rankLabel } from '../search/search-hit';
import { MessageContent } from './message-content';
import { useStreamingText } from './use-conversation';
import { formatFileName } from '../../../electron/ipc/format';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';

export interface MessageItemProps {
  message: Message;
  siblingIds: number[];
  busy: boolean;
  onSelect(messageId: number): void;
  onRegenerate(messageId: number): void;
  onEdit(messageId: number, content: string): void;
  onCite(citation: Citation): void;
}

/**
 * One message of the branch shown: its text, `< 2/3 >` between its siblings, and what can be done
 * with it. Memoised, and the one being written follows its own text (`useStreamingText`): a token
 * re-renders that message alone, not the thousands around it.
 */
export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  const { message, siblingIds, busy } = props;
  const streamingText = useStreamingText(message.conversationId, message.id);
  const [editing, setEditing] = useState<string | null>(null);
  const index = siblingIds.indexOf(message.id);
  const isUser = message.role === 'user';
  const content = streamingText ?? message.content;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article
      data-testid="message"
      data-role={message.role}
      data-status={streamingText !== null ? 'streaming' : message.status}
      // An answer being written is read out as it grows, without interrupting the reader.
      aria-live={streamingText !== null ? 'polite' : undefined}
      className={isUser ? 'ml-12 rounded-lg bg-accent/60 p-3' : 'mr-4 p-3'}
    >
      <div className="mb-1 text-xs font-medium text-muted-foreground">
        {isUser ? t('chat.message.you') : t('chat.message.hearth')}
      </div>
      {editing !== null ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (editing.trim()) props.onEdit(message.id, editing.trim());
            setEditing(null);
          }}
        >
          <textarea
            aria-label={t('chat.message.editLabel')}
            className="min-h-20 w-full rounded-md border border-border bg-background p-2 text-sm"
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary">
              {t('chat.message.saveAndAsk')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
          </div>
        </form>
      ) : (
        <MessageContent
          translate="no"
          role={message.role}
          streaming={streamingText !== null}
          content={content || (streamingText !== null ? '…' : '')}
          citations={message.citations}
          onCite={props.onCite}
        />
      )}
      {message.reasoning && (
        <details className="mt-2 text-xs text-muted-foreground">
          <summary>{t('chat.message.reasoning')}</summary>
          <p className="mt-1 whitespace-pre-wrap">{message.reasoning}</p>
        </details>
      )}
      {message.status === 'stopped' && streamingText === null && (
        <p className="mt-1 text-xs text-muted-foreground">{t('chat.message.stopped')}</p>
      )}
      {message.status === 'failed' && <FailedAnswer message={message} />}
      <div className="mt-2 flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
        {siblingIds.length > 1 && (
          <span className="flex items-center" data-testid="branch-nav">
            <Button
              variant="ghost"
              className="px-1"
              aria-label={t('chat.message.previousVersion')}
              disabled={busy || index <= 0}
              onClick={() => props.onSelect(siblingIds[index - 1]!)}
            >
              <ChevronLeft className="size-3.5" aria-hidden />
            </Button>
            <span data-testid="branch-position">
              {index + 1}/{siblingIds.length}
            </span>
            <Button
              variant="ghost"
              className="px-1"
              aria-label={t('chat.message.nextVersion')}
              disabled={busy || index >= siblingIds.length - 1}
              onClick={() => props.onSelect(siblingIds[index + 1]!)}
            >
              <ChevronRight className="size-3.5" aria-hidden />
            </Button>
          </span>
        )}
        {isUser && !busy && editing === null && (
          <Button variant="ghost" className="px-1.5" onClick={() => setEditing(message.content)}>
            <Pencil className="size-3.5" aria-hidden /> {t('chat.message.edit')}
          </Button>
        )}
        {!isUser && !busy && (
          <Button variant="ghost" className="px-1.5" onClick={() => props.onRegenerate(message.id)}>
            <RefreshCw className="size-3.5" aria-hidden /> {t('chat.message.regenerate')}
          </Button>
        )}
        {!isUser && message.stats && streamingText === null && (
          <span data-testid="message-stats">
            {t('chat.message.stats', {
              speed: format.decimal(message.stats.tokensPerSecond),
              firstToken: format.duration(message.stats.timeToFirstTokenMs),
              tokens: format.number(message.stats.generatedTokens),
            })}
            {message.stats.lookupAcceptance !== null &&
              t(message.stats.predictor === 'draft' ? 'chat.message.statsDraft' : 'chat.message.statsLookup', {
                share: format.percent(message.stats.lookupAcceptance),
                guessed: format.number(message.stats.predictedTokens),
              })}
          </span>
        )}
      </div>
      {message.trace && streamingText === null && (
        <details className="mt-2 text-xs" data-testid="retrieval-trace">
          <summary className="cursor-pointer text-muted-foreground">
            {t(message.trace.reranker ? 'chat.message.traceReranked' : 'chat.message.trace', {
              used: message.trace.passages.filter((p) => p.n !== null).length,
              total: message.trace.passages.length,
              mode: t(`search.how.${message.trace.mode}`),
              reranker: message.trace.reranker,
            })}
          </summary>
          <ol className="mt-1 flex flex-col gap-0.5">
            {message.trace.passages.map((passage, i) => (
              <li key={i}>
                {passage.n !== null ? `[${passage.n}]` : t('chat.message.dropped')}{' '}
                <span translate="no">{formatFileName(passage.relativePath)}</span>{' '}
                {passage.page
                  ? t('search.page', { page: passage.page })
                  : t('search.lineShort', { start: passage.lineStart, end: passage.lineEnd })}{' '}
                · {t('chat.message.score', { score: format.decimal(passage.score, 4) })} ·{' '}
                {rankLabel(passage, t, format)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
});

/** Why an answer failed, and by its code the place that fixes it (Regenerate is beside it). */
function FailedAnswer({ message }: { message: Message }) {
  const { t } = useTranslation();
  const remedy = remedyFor(message.errorCode, false);
  return (
    <p role="alert" className="mt-1 flex flex-wrap items-center gap-2 text-xs text-destructive">
      {message.error
        ? errorText(t, {
            code: message.errorCode,
            message: message.error,
            key: message.errorText?.key,
            params: message.errorText?.params,
          })
        : t('chat.message.failed')}
      {remedy && 'to' in remedy && (
        <a className="font-medium underline underline-offset-2" href={`#${remedy.to}`}>
          {t(remedy.label)}
        </a>
      )}
    </p>
  );
}
