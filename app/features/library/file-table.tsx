import { useEffect, useState, type ComponentProps } from 'react';
import { TableVirtuoso, type TableComponents } from 'react-virtuoso';
import type { LibraryDocument } from '../../../electron/ipc/contract';
import { useTranslation } from 'react-i18next';
import { formatFileName } from '../../../electron/ipc/format';
import { useFormat } from '../../i18n/format';
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
  const { t } = useTranslation();
  const { number } = useFormat();

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
      <p className="mb-1 text-xs text-muted-foreground">
        {t('library.files.count', { count: total, formatted: number(total) })}
      </p>
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
  Table: (props) => <FilesTable {...props} />,
  TableRow: (props) => <tr {...props} className="border-t border-border align-top" data-testid="file-row" />,
};

function FilesTable(props: ComponentProps<'table'>) {
  const { t } = useTranslation();
  return <table {...props} className="w-full text-left text-xs" aria-label={t('library.files.label')} />;
}

function header() {
  return <Header />;
}

function Header() {
  const { t } = useTranslation();
  return (
    <tr className="bg-card text-muted-foreground">
      <th className="py-1 font-medium">{t('library.files.file')}</th>
      <th className="py-1 font-medium">{t('library.files.status')}</th>
      <th className="py-1 font-medium">{t('library.files.size')}</th>
      <th className="py-1 font-medium">{t('library.files.why')}</th>
    </tr>
  );
}

function row(_: number, document: LibraryDocument) {
  return <Row document={document} />;
}

/**
 * One file: where it is, its status, its size, and its passages or why it was skipped (the reason
 * translated; the reader's own detail, which names formats and limits, as it came).
 */
function Row({ document }: { document: LibraryDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <td className="py-1 pr-2 break-all" translate="no">
        {formatFileName(document.path.split(/[\\/]/).slice(-2).join('/'))}
      </td>
      <td className="py-1 pr-2">
        <Badge tone={TONE[document.status]}>{t(`library.status.${document.status}`)}</Badge>
      </td>
      <td className="py-1 pr-2 whitespace-nowrap">{format.bytes(document.size)}</td>
      <td className="py-1" data-reason={document.skipReason ?? undefined}>
        {document.skipReason ? (
          <>
            {t(`library.skip.${document.skipReason}`)}
            {document.skipDetail && <span translate="no">{`: ${document.skipDetail}`}</span>}
          </>
        ) : (
          t('library.files.passages', { count: document.chunks, formatted: format.number(document.chunks) })
        )}
      </td>
    </>
  );
}
