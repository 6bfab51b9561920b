import { MessageSquare, Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { Collection } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { reportError } from '../../lib/error-report';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { Input } from '../../ui/input';
import { startAnswer } from '../chat/use-conversation';
import { useTranslation } from 'react-i18next';

/**
 * Step 4: a first question, in a chat over the chosen folder only, from questions its own headings
 * and file names suggest (or the user's). With no chat model yet, keyword search already works,
 * and this says so.
 */
export function FirstChatStep({
  collection,
  hasChatModel,
  onAsked,
}: {
  collection: Collection | null;
  hasChatModel: boolean;
  onAsked(): void;
}) {
  const [questions, setQuestions] = useState<string[]>([]);
  const { t } = useTranslation();
  const [own, setOwn] = useState('');
  const ready = collection !== null && collection.report.indexed > 0;
  const indexed = collection?.report.indexed ?? 0;

  // Asked once a collection has files, not again for each file it indexes.
  const collectionId = collection?.id ?? null;
  const hasFiles = indexed > 0;
  useEffect(() => {
    if (collectionId === null || !hasFiles) return;
    let live = true;
    void invoke('library.firstQuestions', { collectionId }).then(
      (result) => live && result.ok && setQuestions(result.value),
    );
    return () => {
      live = false;
    };
  }, [collectionId, hasFiles]);

  const ask = async (question: string) => {
    if (!collection) return;
    const created = await invoke('chat.create', { collectionIds: [collection.id] });
    if (!created.ok) return void reportError(created.error);
    void startAnswer(created.value.id, 'chat.send', { conversationId: created.value.id, content: question });
    onAsked();
  };

  return (
    <Card aria-labelledby="first-chat-title">
      <CardTitle id="first-chat-title">{t('welcome.chat.title')}</CardTitle>
      <CardDescription>
        {ready ? t('welcome.chat.ready', { name: collection.name }) : t('welcome.chat.waiting')}
      </CardDescription>
      {ready && !hasChatModel && (
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm" role="status">
          {t('welcome.chat.noModel')}
          <Link href="/search" className="inline-flex items-center gap-1 font-medium underline underline-offset-2">
            <Search className="size-3.5" aria-hidden /> {t('welcome.chat.search')}
          </Link>
        </p>
      )}
      {ready && hasChatModel && (
        <>
          {questions.length > 0 && (
            <ul className="mt-3 flex flex-col gap-1.5" aria-label={t('welcome.chat.suggested')}>
              {questions.map((question) => (
                <li key={question}>
                  <Button
                    variant="ghost"
                    className="h-auto text-left whitespace-normal"
                    onClick={() => void ask(question)}
                  >
                    <MessageSquare className="size-4 shrink-0" aria-hidden /> <span translate="no">{question}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="mt-3 flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (own.trim()) void ask(own.trim());
            }}
          >
            <Input
              aria-label={t('welcome.chat.own')}
              placeholder={t('chat.composer.placeholder')}
              value={own}
              onChange={(event) => setOwn(event.target.value)}
            />
            <Button type="submit" variant="primary" disabled={!own.trim()}>
              {t('welcome.chat.ask')}
            </Button>
          </form>
        </>
      )}
    </Card>
  );
}
