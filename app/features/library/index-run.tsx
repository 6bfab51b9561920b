import { toast } from 'sonner';
import type { Collection, CollectionReport, IndexProgress } from '../../../electron/ipc/contract';
import { i18n } from '../../i18n/i18n';
import { formatters, useFormat, type Format } from '../../i18n/format';
import { startTask } from '../../lib/tasks';
import { Progress } from '../../ui/progress';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

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
        const { t } = i18n;
        if (result.ok)
          toast.success(
            t('library.run.indexed', {
              name: collection.name,
              count: result.value.indexed,
              formatted: formatters(i18n.language, t).number(result.value.indexed),
            }),
          );
        else if (result.error.code === 'CANCELLED') toast(t('library.run.paused', { name: collection.name }));
      },
      // Found the library busy (the CLI indexing it): Try again once that run ends.
      retryable: true,
    },
  );
}

/** How far a running index is: a bar, and what it is doing at what speed. */
export function RunStatus({ progress, report }: { progress: IndexProgress | null; report: CollectionReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = report.indexed + report.skipped + report.quarantined;
  const fraction =
    progress && progress.stage !== 'scanning' && progress.total > 0
      ? progress.done / progress.total
      : report.discovered
        ? done / report.discovered
        : 0;
  return (
    <div className="mt-2" data-testid="index-progress">
      <Progress value={fraction} label={t('library.run.progress')} />
      {progress && (
        <p className="mt-1 text-xs text-muted-foreground" data-testid="index-stage">
          {indexProgressText(progress, t, format)}
        </p>
      )}
    </div>
  );
}

/** "Reading files · 35/120 · 1.2 files/s, 1.2 MB/s · about 2 min left": one line for a run in progress. */
export function indexProgressText(progress: IndexProgress, t: TFunction, format: Format): string {
  if (progress.stage === 'scanning') return t('library.progress.scanning');
  const counts = `${format.number(progress.done)}/${format.number(progress.total)}`;
  const left = progress.done >= progress.total ? t('library.progress.done') : format.timeLeft(progress.etaSeconds);
  const rate = format.rate(progress.rate);
  if (progress.stage === 'reading')
    return t('library.progress.reading', { counts, rate, bytes: format.bytes(progress.bytesPerSecond), left });
  return t('library.progress.embedding', { counts, rate, left });
}
