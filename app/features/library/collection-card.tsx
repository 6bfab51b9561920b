import { FolderPlus, Play, Square } from 'lucide-react';
import { useRef, useState } from 'react';
import { toast } from 'sonner';
import type { Collection, CollectionReportData, StreamHandle } from '../../../electron/ipc/contract';
import { formatNumber } from '../../../electron/ipc/format';
import { invoke, stream } from '../../api';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { Input } from '../../ui/input';
import { Progress } from '../../ui/progress';
import { FileTable } from './file-table';

/** "2,030 files: 1,990 indexed · 40 skipped · 0 waiting": the accounting always adds up. */
function Accounting({ report, scanning }: { report: CollectionReportData; scanning: boolean }) {
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
    </p>
  );
}

/** One collection: its folders, adding one, indexing with progress and cancel, and its files. */
export function CollectionCard({ collection, onChanged }: { collection: Collection; onChanged(): void }) {
  const [folder, setFolder] = useState('');
  const [progress, setProgress] = useState<CollectionReportData | null>(null);
  const [tableVersion, setTableVersion] = useState(0);
  const running = useRef<StreamHandle<unknown> | null>(null);
  const report = progress ?? collection.report;

  const addFolder = async (path: string) => {
    const result = await invoke('library.addFolder', { collectionId: collection.id, path: path.trim() });
    if (!result.ok) return void toast.error(result.error.message);
    setFolder('');
    onChanged();
  };
  const browse = async () => {
    const picked = await invoke('dialog.pickFolder');
    if (picked.ok && picked.value) await addFolder(picked.value);
  };
  const index = async () => {
    setProgress(collection.report);
    const handle = stream('library.index', { collectionId: collection.id }, setProgress);
    running.current = handle;
    const result = await handle.result;
    running.current = null;
    setProgress(null);
    setTableVersion((n) => n + 1);
    onChanged();
    if (result.ok) toast.success(`${collection.name}: ${formatNumber(result.value.indexed)} files indexed.`);
    else if (result.error.code !== 'CANCELLED') toast.error(result.error.message);
  };

  const done = report.indexed + report.skipped + report.quarantined;
  return (
    <Card aria-label={`Collection ${collection.name}`} data-testid="collection">
      <div className="flex items-start justify-between gap-4">
        <div>
          <CardTitle>{collection.name}</CardTitle>
          <CardDescription>
            {collection.folders.length ? collection.folders.join(' · ') : 'No folders yet: add one below.'}
          </CardDescription>
        </div>
        {progress ? (
          <Button variant="ghost" onClick={() => running.current?.abort()}>
            <Square className="size-4" aria-hidden /> Stop
          </Button>
        ) : (
          <Button disabled={!collection.folders.length} onClick={() => void index()}>
            <Play className="size-4" aria-hidden /> Index now
          </Button>
        )}
      </div>
      <Accounting report={report} scanning={progress !== null} />
      {Object.keys(report.skipReasons).length > 0 && (
        <p className="mt-1 flex flex-wrap gap-1.5">
          {Object.entries(report.skipReasons).map(([reason, count]) => (
            <Badge key={reason} tone="warn">
              {reason}: {formatNumber(count)}
            </Badge>
          ))}
        </p>
      )}
      {progress && (
        <div className="mt-2" data-testid="index-progress">
          <Progress value={report.discovered ? done / report.discovered : 0} label="Indexing progress" />
        </div>
      )}
      <form
        className="mt-4 flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void addFolder(folder);
        }}
      >
        <Input
          aria-label="Folder path"
          placeholder="/path/to/folder"
          value={folder}
          onChange={(event) => setFolder(event.target.value)}
        />
        <Button type="submit" disabled={!folder.trim()}>
          Add
        </Button>
        <Button onClick={() => void browse()}>
          <FolderPlus className="size-4" aria-hidden /> Browse…
        </Button>
      </form>
      {report.discovered > 0 && <FileTable collectionId={collection.id} version={tableVersion} />}
    </Card>
  );
}
