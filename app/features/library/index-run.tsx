import { toast } from 'sonner';
import type { Collection, CollectionReport, IndexProgress } from '../../../electron/ipc/contract';
import { formatIndexProgress, formatNumber } from '../../../electron/ipc/format';
import { startTask } from '../../lib/tasks';
import { Progress } from '../../ui/progress';

/** The task key of a collection's indexing run, wherever in the window it was started. */
export const indexRunKey = (collectionId: number) => `index:${collectionId}`;

/**
 * Starts an indexing run of `collection` as a task of the app (Library and the welcome guide
 * show the same run). Its progress comes from `library.changed`; the run says how it ended.
 */
export function startIndexRun(collection: Pick<Collection, 'id' | 'name'>, rereadAll = false) {
  return startTask(
    indexRunKey(collection.id),
    'library.index',
    { collectionId: collection.id, rereadAll },
    {
      initial: null,
      // The stream sends no progress: the card reads `library.changed`, progress's one source.
      reduce: () => null,
      onDone: (result) => {
        if (result.ok) toast.success(`${collection.name}: ${formatNumber(result.value.indexed)} files indexed.`);
        else if (result.error.code === 'CANCELLED')
          toast(`${collection.name}: paused. Resume carries on where it stopped.`);
      },
      // Found the library busy (the CLI indexing it): Try again once that run ends.
      retryable: true,
    },
  );
}

/** How far a running index is: a bar, and what it is doing at what speed. */
export function RunStatus({ progress, report }: { progress: IndexProgress | null; report: CollectionReport }) {
  const done = report.indexed + report.skipped + report.quarantined;
  const fraction =
    progress && progress.stage !== 'scanning' && progress.total > 0
      ? progress.done / progress.total
      : report.discovered
        ? done / report.discovered
        : 0;
  return (
    <div className="mt-2" data-testid="index-progress">
      <Progress value={fraction} label="Indexing progress" />
      {progress && (
        <p className="mt-1 text-xs text-muted-foreground" data-testid="index-stage">
          {formatIndexProgress(progress)}
        </p>
      )}
    </div>
  );
}
