import { ChevronLeft, ChevronRight, Pencil, RefreshCw } from 'lucide-react';
import { memo, useState } from 'react';
import type { Citation, Message } from '../../../electron/ipc/contract';
import { remedyFor } from '../../lib/error-report';
import { Button } from '../../ui/button';
import { rankLabel } from '../search/search-hit';
import { MessageContent } from './message-content';
import { useStreamingText } from './use-conversation';
import { formatFileName } from '../../../electron/ipc/format';

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
  return (
    <article
      data-testid="message"
      data-role={message.role}
      data-status={streamingText !== null ? 'streaming' : message.status}
      // An answer being written is read out as it grows, without interrupting the reader.
      aria-live={streamingText !== null ? 'polite' : undefined}
      className={isUser ? 'ml-12 rounded-lg bg-accent/60 p-3' : 'mr-4 p-3'}
    >
      <div className="mb-1 text-xs font-medium text-muted-foreground">{isUser ? 'You' : 'Hearth'}</div>
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
            aria-label="Edit question"
            className="min-h-20 w-full rounded-md border border-border bg-background p-2 text-sm"
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary">
              Save and ask
            </Button>
            <Button onClick={() => setEditing(null)}>Cancel</Button>
          </div>
        </form>
      ) : (
        <MessageContent
          role={message.role}
          streaming={streamingText !== null}
          content={content || (streamingText !== null ? '…' : '')}
          citations={message.citations}
          onCite={props.onCite}
        />
      )}
      {message.reasoning && (
        <details className="mt-2 text-xs text-muted-foreground">
          <summary>Reasoning</summary>
          <p className="mt-1 whitespace-pre-wrap">{message.reasoning}</p>
        </details>
      )}
      {message.status === 'stopped' && streamingText === null && (
        <p className="mt-1 text-xs text-muted-foreground">Stopped.</p>
      )}
      {message.status === 'failed' && <FailedAnswer message={message} />}
      <div className="mt-2 flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
        {siblingIds.length > 1 && (
          <span className="flex items-center" data-testid="branch-nav">
            <Button
              variant="ghost"
              className="px-1"
              aria-label="Previous version"
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
              aria-label="Next version"
              disabled={busy || index >= siblingIds.length - 1}
              onClick={() => props.onSelect(siblingIds[index + 1]!)}
            >
              <ChevronRight className="size-3.5" aria-hidden />
            </Button>
          </span>
        )}
        {isUser && !busy && editing === null && (
          <Button variant="ghost" className="px-1.5" onClick={() => setEditing(message.content)}>
            <Pencil className="size-3.5" aria-hidden /> Edit
          </Button>
        )}
        {!isUser && !busy && (
          <Button variant="ghost" className="px-1.5" onClick={() => props.onRegenerate(message.id)}>
            <RefreshCw className="size-3.5" aria-hidden /> Regenerate
          </Button>
        )}
        {!isUser && message.stats && streamingText === null && (
          <span data-testid="message-stats">
            {message.stats.tokensPerSecond.toFixed(1)} tok/s · first token{' '}
            {Math.round(message.stats.timeToFirstTokenMs)} ms · {message.stats.generatedTokens} tokens
            {message.stats.lookupAcceptance !== null &&
              ` · ${message.stats.predictor === 'draft' ? 'draft model' : 'lookup'} ${Math.round(message.stats.lookupAcceptance * 100)} % of ${message.stats.predictedTokens} guessed`}
          </span>
        )}
      </div>
      {message.trace && streamingText === null && (
        <details className="mt-2 text-xs" data-testid="retrieval-trace">
          <summary className="cursor-pointer text-muted-foreground">
            Retrieval: {message.trace.passages.filter((p) => p.n !== null).length} of {message.trace.passages.length}{' '}
            passages used ({message.trace.mode}
            {message.trace.reranker ? `, reranked by ${message.trace.reranker}` : ''})
          </summary>
          <ol className="mt-1 flex flex-col gap-0.5">
            {message.trace.passages.map((passage, i) => (
              <li key={i}>
                {passage.n !== null ? `[${passage.n}]` : 'dropped (budget)'} {formatFileName(passage.relativePath)}{' '}
                {passage.page ? `p. ${passage.page}` : `l. ${passage.lineStart}–${passage.lineEnd}`} · score{' '}
                {passage.score.toFixed(4)} · {rankLabel(passage)}
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
  const remedy = remedyFor(message.errorCode, false);
  return (
    <p role="alert" className="mt-1 flex flex-wrap items-center gap-2 text-xs text-destructive">
      {message.error ?? 'The answer failed.'}
      {remedy && 'to' in remedy && (
        <a className="font-medium underline underline-offset-2" href={`#${remedy.to}`}>
          {remedy.label}
        </a>
      )}
    </p>
  );
}
