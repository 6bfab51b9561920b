import { Pause, Play, RefreshCw, Trash2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Collection, CollectionReport, SkipReason } from '../../../electron/ipc/contract';
import { formatFileName } from '../../../electron/ipc/format';
import { useFormat } from '../../i18n/format';
import { invoke } from '../../api';
import { onTaskEnd, useTask } from '../../lib/tasks';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { AddFolderForm, describeRules } from './add-folder-form';
import { FileTable } from './file-table';
import { indexRunKey, RunStatus, startIndexRun } from './index-run';
import { SlowestFiles } from './slowest-files';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';

/** "2,030 files: 1,990 indexed · 40 skipped · 0 waiting": the accounting always adds up. */
function Accounting({ report, scanning }: { report: CollectionReport; scanning: boolean }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  if (scanning && report.discovered === 0) {
    return (
      <p className="mt-2 text-sm" data-testid="collection-accounting">
        {t('library.accounting.looking')}
      </p>
    );
  }
  return (
    <p className="mt-2 text-sm" data-testid="collection-accounting">
      {t('library.accounting.summary', {
        count: report.discovered,
        discovered: number(report.discovered),
        passages: t('library.files.passages', { count: report.chunks, formatted: number(report.chunks) }),
        indexed: number(report.indexed),
        skipped: number(report.skipped + report.quarantined),
        pending: number(report.pending),
      })}
      {report.embedded > 0 && t('library.accounting.embedded', { embedded: number(report.embedded) })}
    </p>
  );
}

/** The run's stage, rate and time left, with a bar for the stage. */
/** One collection: its folders, adding and removing them, indexing with progress and pause, its files. */
export function CollectionCard({ collection, onChanged }: { collection: Collection; onChanged(): void }) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { t } = useTranslation();
  const { number } = useFormat();
  const [tableVersion, setTableVersion] = useState(0);
  const runKey = indexRunKey(collection.id);
  // A run this window started: shown as running from the click, before main's first word on it.
  const started = useTask<null>(runKey);
  // One source of progress: `library.changed` carries each collection's report and run progress.
  const { report } = collection;
  const indexing = started !== undefined || collection.indexing;
  const progress = collection.progress;
  // The file tables read again once a run ends, wherever the window was meanwhile.
  useEffect(() => onTaskEnd((key) => key === runKey && setTableVersion((n) => n + 1)), [runKey]);

  const removeFolder = async (path: string) => {
    const result = await invoke('library.removeFolder', { collectionId: collection.id, path });
    if (!result.ok) return void reportError(result.error);
    setTableVersion((n) => n + 1);
    onChanged();
  };
  const removeCollection = async () => {
    const result = await invoke('library.removeCollection', { collectionId: collection.id });
    if (!result.ok) return void reportError(result.error);
    onChanged();
  };
  const pause = async () => {
    const result = await invoke('library.pause', { collectionId: collection.id });
    if (!result.ok) reportError(result.error);
    onChanged();
  };
  const resume = async () => {
    const result = await invoke('library.resume', { collectionId: collection.id });
    if (!result.ok) reportError(result.error);
    onChanged();
  };
  const index = (rereadAll = false) => startIndexRun(collection, rereadAll);

  return (
    <Card aria-label={t('library.card.label', { name: collection.name })} data-testid="collection">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <CardTitle translate="no">{collection.name}</CardTitle>
          {collection.sources.length ? (
            <ul className="mt-1 space-y-0.5 text-sm text-muted-foreground" aria-label={t('library.card.folders')}>
              {collection.sources.map((source) => (
                <li key={source.path} className="flex items-center gap-1">
                  <span className="truncate" translate="no">
                    {formatFileName(source.path)}
                  </span>
                  {describeRules(source, t) && <span className="shrink-0 text-xs">({describeRules(source, t)})</span>}
                  <Button
                    variant="ghost"
                    className="px-1 py-0.5"
                    aria-label={t('library.card.removeFolder', { path: source.path })}
                    disabled={indexing}
                    onClick={() => void removeFolder(source.path)}
                  >
                    <X className="size-3.5" aria-hidden />
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <CardDescription>{t('library.card.noFolders')}</CardDescription>
          )}
        </div>
        <div className="flex shrink-0 gap-2">
          {indexing ? (
            <Button variant="ghost" onClick={() => void pause()}>
              <Pause className="size-4" aria-hidden /> {t('library.card.pause')}
            </Button>
          ) : (
            <>
              {collection.paused ? (
                <Button onClick={() => void resume()}>
                  <Play className="size-4" aria-hidden /> {t('library.card.resume')}
                </Button>
              ) : (
                <Button disabled={!collection.sources.length} onClick={() => void index()}>
                  <Play className="size-4" aria-hidden /> {t('library.card.indexNow')}
                </Button>
              )}
              <Button
                variant="ghost"
                title={t('library.card.rereadTitle')}
                disabled={!report.discovered || indexing}
                onClick={() => void index(true)}
              >
                <RefreshCw className="size-4" aria-hidden /> {t('library.card.rereadAll')}
              </Button>
              {confirmRemove ? (
                <>
                  <Button variant="danger" onClick={() => void removeCollection()}>
                    {t('library.card.confirmRemove', { name: collection.name })}
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirmRemove(false)}>
                    {t('library.card.keep')}
                  </Button>
                </>
              ) : (
                <Button
                  variant="ghost"
                  aria-label={t('library.card.remove', { name: collection.name })}
                  title={t('library.card.removeTitle')}
                  disabled={indexing}
                  onClick={() => setConfirmRemove(true)}
                >
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              )}
            </>
          )}
        </div>
      </div>
      <Accounting report={report} scanning={indexing} />
      {collection.paused && !indexing && (
        <p className="mt-1 text-xs text-muted-foreground">{t('library.card.paused')}</p>
      )}
      {Object.keys(report.skipReasons).length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1.5">
          {Object.entries(report.skipReasons).map(([reason, count]) => (
            <Badge key={reason} tone="warn" data-reason={reason}>
              {t('library.card.skipCount', { reason: t(`library.skip.${reason as SkipReason}`), count: number(count) })}
            </Badge>
          ))}
        </p>
      )}
      {indexing && <RunStatus progress={progress} report={report} />}
      <AddFolderForm collectionId={collection.id} onAdded={onChanged} />
      {report.discovered > 0 && <SlowestFiles collectionId={collection.id} version={tableVersion} />}
      {report.discovered > 0 && <FileTable collectionId={collection.id} version={tableVersion} />}
    </Card>
  );
}
