import { lazy, Suspense } from 'react';
import type { Citation, Message } from '../../../electron/ipc/contract';

// The Markdown renderer (unified, shiki, KaTeX) is most of the renderer's code: it loads with the
// Chat screen, not with the app.
export const loadAnswerMarkdown = () => import('./answer-markdown');
const AnswerMarkdown = lazy(() => loadAnswerMarkdown().then((module) => ({ default: module.AnswerMarkdown })));

const PLAIN = 'text-sm leading-relaxed whitespace-pre-wrap break-words';

/**
 * A message's text. The user's own words are shown as typed; an answer is Markdown (sanitised,
 * with chips for its citations), drawn as it streams.
 */
export function MessageContent({
  translate,
  role,
  content,
  citations,
  streaming,
  onCite,
}: {
  /** `no` for the user's words and the model's: never translated, by a browser or a test. */
  translate?: 'no';
  role: Message['role'];
  content: string;
  citations: Citation[];
  streaming: boolean;
  onCite?: (citation: Citation) => void;
}) {
  if (role === 'user')
    return (
      <div className={PLAIN} translate={translate}>
        {content}
      </div>
    );
  return (
    <div translate={translate}>
      <Suspense fallback={<div className={PLAIN}>{content}</div>}>
        <AnswerMarkdown content={content} citations={citations} streaming={streaming} onCite={onCite} />
      </Suspense>
    </div>
  );
}
