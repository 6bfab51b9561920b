import { useEffect, useState } from 'react';
import { TableVirtuoso, type TableComponents } from 'react-virtuoso';
import type { LibraryDocument } from '../../../electron/ipc/contract';
import { formatFileName, formatBytes, formatNumber } from '../../../electron/ipc/format';
import { invoke } from '../../api';
import { Badge } from '../../ui/badge';

const PAGE = 200;
const TONE = { indexed: 'good', skipped: 'warn', quarantined: 'bad', pending: 'neutral' } as const;

/**
 * A collection's files, problems first: every file is here, indexed or skipped with the reason.
 * Virtualised (only the rows in view are in the page) and fetched 200 at a time as it scrolls, so
 * a library of 100k files costs what a screenful costs.
 */
export function FileTable({ collectionId, version }: { collectionId: number; version: number }) {
  const [rows, setRows] = useState<LibraryDocument[]>([]);
  const [total, setTotal] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void invoke('library.documents', { collectionId, limit: PAGE }).then((result) => {
      if (!live || !result.ok) return;
      setTotal(result.value.total);
      setRows(result.value.documents);
    });
    return () => {
      live = false;
    };
  }, [collectionId, version]);
  const last = rows.at(-1);
  const more = async () => {
    // The next page starts after the last row shown, wherever indexing has moved the others.
    const after = last && { status: last.status, path: last.path };
    const result = await invoke('library.documents', { collectionId, after, limit: PAGE });
    // A file indexed since it was shown comes again under its new status: it is shown once.
    if (result.ok)
      setRows((current) => {
        const shown = new Set(current.map((row) => row.path));
        return [...current, ...result.value.documents.filter((row) => !shown.has(row.path))];
      });
  };

  if (total === null) return null;
  return (
    <div className="mt-4">
      <p className="mb-1 text-xs text-muted-foreground">{formatNumber(total)} files, problems first</p>
      <TableVirtuoso
        style={{ height: Math.min(420, 32 + rows.length * 26) }}
        data={rows}
        endReached={() => rows.length < total && void more()}
        increaseViewportBy={200}
        components={COMPONENTS}
        fixedHeaderContent={header}
        itemContent={row}
      />
    </div>
  );
}

// Module-level: Virtuoso remounts every row when it gets new components or render functions.
const COMPONENTS: TableComponents<LibraryDocument> = {
  Table: (props) => <table {...props} className="w-full text-left text-xs" aria-label="Files" />,
  TableRow: (props) => <tr {...props} className="border-t border-border align-top" data-testid="file-row" />,
};

function header() {
  return (
    <tr className="bg-card text-muted-foreground">
      <th className="py-1 font-medium">File</th>
      <th className="py-1 font-medium">Status</th>
      <th className="py-1 font-medium">Size</th>
      <th className="py-1 font-medium">Why</th>
    </tr>
  );
}

function row(_: number, document: LibraryDocument) {
  return (
    <>
      <td className="py-1 pr-2 break-all">{formatFileName(document.path.split(/[\\/]/).slice(-2).join('/'))}</td>
      <td className="py-1 pr-2">
        <Badge tone={TONE[document.status]}>{document.status}</Badge>
      </td>
      <td className="py-1 pr-2 whitespace-nowrap">{formatBytes(document.size)}</td>
      <td className="py-1">
        {document.skipReason
          ? `${document.skipReason}: ${document.skipDetail ?? ''}`
          : `${formatNumber(document.chunks)} ${document.chunks === 1 ? 'passage' : 'passages'}`}
      </td>
    </>
  );
}
