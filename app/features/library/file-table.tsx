import { useEffect, useState } from 'react';
import type { LibraryDocument } from '../../../electron/ipc/contract';
import { formatBytes } from '../../../electron/ipc/format';
import { invoke } from '../../api';
import { Badge } from '../../ui/badge';

const PAGE = 200;
const TONE = { indexed: 'good', skipped: 'warn', quarantined: 'bad', pending: 'neutral' } as const;

/**
 * A collection's files, problems first: every file is here, indexed or skipped with the reason.
 * Pages of 200, so a library of 100k files costs what one page costs.
 */
export function FileTable({ collectionId, version }: { collectionId: number; version: number }) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; documents: LibraryDocument[] } | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('library.documents', { collectionId, offset, limit: PAGE }).then(
      (result) => live && result.ok && setPage(result.value),
    );
    return () => {
      live = false;
    };
  }, [collectionId, offset, version]);
  if (!page) return null;
  return (
    <div className="mt-4">
      <table className="w-full text-left text-xs" aria-label="Files">
        <thead className="text-muted-foreground">
          <tr>
            <th className="py-1 font-medium">File</th>
            <th className="py-1 font-medium">Status</th>
            <th className="py-1 font-medium">Size</th>
            <th className="py-1 font-medium">Why</th>
          </tr>
        </thead>
        <tbody>
          {page.documents.map((document) => (
            <tr key={document.path} className="border-t border-border align-top" data-testid="file-row">
              <td className="py-1 pr-2 break-all">{document.path.split(/[\\/]/).slice(-2).join('/')}</td>
              <td className="py-1 pr-2">
                <Badge tone={TONE[document.status]}>{document.status}</Badge>
              </td>
              <td className="py-1 pr-2 whitespace-nowrap">{formatBytes(document.size)}</td>
              <td className="py-1">
                {document.skipReason
                  ? `${document.skipReason}: ${document.skipDetail ?? ''}`
                  : `${document.chunks} passages`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.total > PAGE && (
        <p className="mt-2 flex items-center gap-2 text-xs text-muted-foreground">
          {offset + 1}–{Math.min(offset + PAGE, page.total)} of {page.total}
          <button className="underline" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            Previous
          </button>
          <button className="underline" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
            Next
          </button>
        </p>
      )}
    </div>
  );
}
