import type { Citation } from '../../../electron/ipc/contract';
import { cn } from '../../lib/cn';

const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

const TONE: Record<Citation['status'], string> = {
  supported: 'border-green-600/40 bg-green-600/10 text-green-700 dark:text-green-400',
  unsupported: 'border-amber-500/50 bg-amber-500/10 text-amber-700 dark:text-amber-400',
  'out-of-range': 'border-destructive/40 bg-destructive/10 text-destructive',
};

const LABEL: Record<Citation['status'], string> = {
  supported: 'supported by its source',
  unsupported: 'not supported by its source',
  'out-of-range': 'no such source',
};

/**
 * An answer's text with each `[n]` as a chip coloured by whether its source supports it. Text is
 * rendered as text: whatever markup a model or a document produced is shown, never run, and no
 * image or link in it is fetched.
 */
export function MessageContent({
  content,
  citations,
  onCite,
}: {
  content: string;
  citations: Citation[];
  onCite?: (citation: Citation) => void;
}) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of content.matchAll(MARKER)) {
    if (match.index > last) parts.push(content.slice(last, match.index));
    const numbers = match[1]!.split(',').map((part) => Number(part.trim()));
    for (const n of numbers) {
      const citation = citations.find((c) => c.n === n && c.markerStart === match.index);
      parts.push(
        citation ? (
          <button
            key={`${match.index}-${n}`}
            type="button"
            data-testid="citation-chip"
            data-status={citation.status}
            aria-label={`Source ${n}, ${LABEL[citation.status]}`}
            title={
              citation.source ? `${citation.source.relativePath} — ${LABEL[citation.status]}` : LABEL[citation.status]
            }
            onClick={() => onCite?.(citation)}
            className={cn(
              'mx-0.5 inline-flex rounded border px-1 text-xs font-medium align-baseline',
              TONE[citation.status],
            )}
          >
            {n}
          </button>
        ) : (
          <span key={`${match.index}-${n}`}>[{n}]</span>
        ),
      );
    }
    last = match.index + match[0].length;
  }
  if (last < content.length) parts.push(content.slice(last));
  return <div className="text-sm leading-relaxed whitespace-pre-wrap break-words">{parts}</div>;
}
