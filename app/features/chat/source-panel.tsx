import { X } from 'lucide-react';
import type { Citation } from '../../../electron/ipc/contract';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ResizableSheet } from '../../ui/resizable-sheet';
import { DocumentActions } from '../library/document-actions';
import { formatFileName } from '../../../electron/ipc/format';

/** The passage a citation points at: file, place, whether it supports the claim, and the matched words. */
export function SourcePanel({ citation, onClose }: { citation: Citation; onClose(): void }) {
  const source = citation.source;
  const text = source?.text ?? '';
  const match = citation.match;
  return (
    <ResizableSheet label={`Source ${citation.n}`}>
      <div className="flex items-center gap-2">
        <h2 className="font-semibold">Source {citation.n}</h2>
        <Badge tone={citation.status === 'supported' ? 'good' : citation.status === 'unsupported' ? 'warn' : 'bad'}>
          {citation.status === 'supported'
            ? 'Supported'
            : citation.status === 'unsupported'
              ? 'Not supported'
              : 'No such source'}
        </Badge>
        <Button variant="ghost" className="ml-auto px-1.5" aria-label="Close source" onClick={onClose}>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">Claim: “{citation.claim}”</p>
      {source ? (
        <>
          <div className="text-sm">
            <div className="font-medium break-all">{formatFileName(source.relativePath)}</div>
            <div className="text-xs text-muted-foreground">
              {source.page ? `page ${source.page}` : `lines ${source.lineStart}–${source.lineEnd}`}
              {source.headingPath ? ` · ${source.headingPath}` : ''}
            </div>
          </div>
          <p data-testid="source-text" className="rounded-md bg-muted p-2 text-xs leading-relaxed whitespace-pre-wrap">
            {match ? (
              <>
                {text.slice(0, match.start)}
                <mark className="rounded-sm bg-amber-300/50 text-foreground dark:bg-amber-500/30">
                  {text.slice(match.start, match.end)}
                </mark>
                {text.slice(match.end)}
              </>
            ) : (
              text
            )}
          </p>
          <DocumentActions
            documentId={source.documentId}
            lines={source.page ? undefined : { start: source.lineStart, end: source.lineEnd }}
          />
        </>
      ) : (
        <p className="text-sm">The answer cites a source number the question was not given.</p>
      )}
    </ResizableSheet>
  );
}
