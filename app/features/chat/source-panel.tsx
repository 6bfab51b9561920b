import { X } from 'lucide-react';
import type { Citation } from '../../../electron/ipc/contract';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ResizableSheet } from '../../ui/resizable-sheet';
import { DocumentActions } from '../library/document-actions';
import { formatFileName } from '../../../electron/ipc/format';
import { hitLocation } from '../search/search-hit';
import { useTranslation } from 'react-i18next';

/** The passage a citation points at: file, place, whether it supports the claim, and the matched words. */
export function SourcePanel({ citation, onClose }: { citation: Citation; onClose(): void }) {
  const source = citation.source;
  const text = source?.text ?? '';
  const match = citation.match;
  const { t } = useTranslation();
  return (
    <ResizableSheet
      label={t('citation.source', { n: citation.n })}
      resizeLabel={t('citation.resize', { n: citation.n })}
    >
      <div className="flex items-center gap-2">
        <h2 className="font-semibold">{t('citation.source', { n: citation.n })}</h2>
        <Badge tone={citation.status === 'supported' ? 'good' : citation.status === 'unsupported' ? 'warn' : 'bad'}>
          {t(`citation.status.${citation.status}`)}
        </Badge>
        <Button variant="ghost" className="ml-auto px-1.5" aria-label={t('citation.close')} onClick={onClose}>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t('citation.claim', { claim: citation.claim })}</p>
      {source ? (
        <>
          <div className="text-sm">
            <div className="font-medium break-all" translate="no">
              {formatFileName(source.relativePath)}
            </div>
            <div className="text-xs text-muted-foreground">
              {hitLocation(source, t)}
              {source.headingPath && <span translate="no">{` · ${source.headingPath}`}</span>}
            </div>
          </div>
          <p
            data-testid="source-text"
            translate="no"
            className="rounded-md bg-muted p-2 text-xs leading-relaxed whitespace-pre-wrap"
          >
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
        <p className="text-sm">{t('citation.noSource')}</p>
      )}
    </ResizableSheet>
  );
}
