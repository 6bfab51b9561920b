import type { SearchHit } from '../../../electron/ipc/contract';
import { Badge } from '../../ui/badge';
import { DocumentActions } from '../library/document-actions';
import type { TFunction } from 'i18next';
import { formatFileName } from '../../../electron/ipc/format';
import { useFormat, type Format } from '../../i18n/format';
import { useTranslation } from 'react-i18next';

/** Where in the file the hit is: the page of a PDF, else the lines. */
export function hitLocation(hit: Pick<SearchHit, 'page' | 'lineStart' | 'lineEnd'>, t: TFunction): string {
  if (hit.page) return t('search.location.page', { page: hit.page });
  return hit.lineStart === hit.lineEnd
    ? t('search.location.line', { line: hit.lineStart })
    : t('search.location.lines', { start: hit.lineStart, end: hit.lineEnd });
}

/** Which retrievers found it, at what rank, and the reranker's score: "keyword #1 · meaning #4 · relevance 0.91". */
export function rankLabel(hit: Pick<SearchHit, 'ranks' | 'rerankScore'>, t: TFunction, format: Format): string {
  const { ranks, rerankScore } = hit;
  return [
    ranks.keyword && t('search.rank.keyword', { rank: ranks.keyword }),
    ranks.vector && t('search.rank.vector', { rank: ranks.vector }),
    rerankScore !== undefined && t('search.rank.relevance', { score: format.decimal(rerankScore, 2) }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One search result: file, place, headings, the snippet with matched words marked, and ways to open it. */
export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li data-testid="search-hit" className="rounded-lg border border-border bg-card p-4">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="font-medium break-all" title={formatFileName(hit.path)} translate="no">
          {formatFileName(hit.relativePath)}
        </span>
        <span className="text-xs text-muted-foreground">{hitLocation(hit, t)}</span>
        <Badge className="ml-auto">{rankLabel(hit, t, format)}</Badge>
      </div>
      {hit.headingPath && (
        <div className="mt-1 text-xs text-muted-foreground" translate="no">
          {hit.headingPath}
        </div>
      )}
      {/* Text only: a document's markup is never HTML here. */}
      <p className="mt-2 text-sm leading-relaxed" data-testid="search-snippet" translate="no">
        {hit.snippet.map((segment, index) =>
          segment.hit ? (
            <mark key={index} className="rounded-sm bg-amber-300/50 px-0.5 text-foreground dark:bg-amber-500/30">
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
      <div className="mt-3">
        <DocumentActions
          documentId={hit.documentId}
          lines={hit.page ? undefined : { start: hit.lineStart, end: hit.lineEnd }}
        />
      </div>
    </li>
  );
}
