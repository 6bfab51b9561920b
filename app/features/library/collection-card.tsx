import { Pause, Play, RefreshCw, Trash2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { Collection, CollectionReport } from '../../../electron/ipc/contract';
import { formatFileName, formatNumber } from '../../../electron/ipc/format';
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

/** "2,030 files: 1,990 indexed · 40 skipped · 0 waiting": the accounting always adds up. */
function Accounting({ report, scanning }: { report: CollectionReport; scanning: boolean }) {
  if (scanning && report.discovered === 0) {
    return (
      <p className="mt-2 text-sm" data-testid="collection-accounting">
        Looking for files…
      </p>
    );
  }
  return (
    <p className="mt-2 text-sm" data-testid="collection-accounting">
      {formatNumber(report.discovered)} files: {formatNumber(report.indexed)} indexed ·{' '}
      {formatNumber(report.skipped + report.quarantined)} skipped · {formatNumber(report.pending)} waiting ·{' '}
      {formatNumber(report.chunks)} passages
      {report.embedded > 0 && <> · {formatNumber(report.embedded)} with vectors</>}
    </p>
  );
}

/** The run's stage, rate and time left, with a bar for the stage. */
/** One collection: its folders, adding and removing them, indexing with progress and pause, its files. */
export function CollectionCard({ collection, onChanged }: { collection: Collection; onChanged(): void }) {
  const [confirmRemove, setConfirmRemove] = useState(false);
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
    <Card aria-label={`Collection ${collection.name}`} data-testid="collection">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <CardTitle>{collection.name}</CardTitle>
          {collection.sources.length ? (
            <ul className="mt-1 space-y-0.5 text-sm text-muted-foreground" aria-label="Folders">
              {collection.sources.map((source) => (
                <li key={source.path} className="flex items-center gap-1">
                  <span className="truncate">{formatFileName(source.path)}</span>
                  {describeRules(source) && <span className="shrink-0 text-xs">({describeRules(source)})</span>}
                  <Button
                    variant="ghost"
                    className="px-1 py-0.5"
                    aria-label={`Remove folder ${source.path}`}
                    disabled={indexing}
                    onClick={() => void removeFolder(source.path)}
                  >
                    <X className="size-3.5" aria-hidden />
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <CardDescription>No folders yet: add one below.</CardDescription>
          )}
        </div>
        <div className="flex shrink-0 gap-2">
          {indexing ? (
            <Button variant="ghost" onClick={() => void pause()}>
              <Pause className="size-4" aria-hidden /> Pause
            </Button>
          ) : (
            <>
              {collection.paused ? (
                <Button onClick={() => void resume()}>
                  <Play className="size-4" aria-hidden /> Resume
                </Button>
              ) : (
                <Button disabled={!collection.sources.length} onClick={() => void index()}>
                  <Play className="size-4" aria-hidden /> Index now
                </Button>
              )}
              <Button
                variant="ghost"
                title="Read every file again (after changing OCR settings, or to retry quarantined files)"
                disabled={!report.discovered || indexing}
                onClick={() => void index(true)}
              >
                <RefreshCw className="size-4" aria-hidden /> Re-read all
              </Button>
              {confirmRemove ? (
                <>
                  <Button variant="danger" onClick={() => void removeCollection()}>
                    Remove {collection.name}?
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirmRemove(false)}>
                    Keep
                  </Button>
                </>
              ) : (
                <Button
                  variant="ghost"
                  aria-label={`Remove collection ${collection.name}`}
                  title="Remove the collection and its index (your files stay where they are)"
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
        <p className="mt-1 text-xs text-muted-foreground">Paused: changes on disk wait until you resume.</p>
      )}
      {Object.keys(report.skipReasons).length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1.5">
          {Object.entries(report.skipReasons).map(([reason, count]) => (
            <Badge key={reason} tone="warn">
              {reason}: {formatNumber(count)}
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
