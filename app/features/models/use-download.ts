import { useCallback } from 'react';
import { toast } from 'sonner';
import type { DownloadProgress, DownloadRequest } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { startTask, useTask } from '../../lib/tasks';
import { reportError } from '../../lib/error-report';
import { i18n } from '../../i18n/i18n';

/** A running download as the task store holds it: what was asked for, and how far it is. */
interface DownloadTask {
  request: DownloadRequest;
  state: DownloadProgress;
}

/**
 * One download's lifecycle for the place in the window that starts it (`place`: a catalog row, the
 * URL form, a paused download's row): start (or resume), progress, pause (the partial file is kept
 * and shows under "Paused downloads"), and cancel. The download is a task of the app, not of the
 * screen: leave Models and come back, and its progress, Pause and Cancel are there. Cancel is one
 * request to main, which stops the download and deletes its partial file: main alone knows which
 * file a request writes.
 */
export function useDownload(place: string) {
  const key = `download:${place}`;
  const task = useTask<DownloadTask>(key);

  const start = useCallback(
    async (request: DownloadRequest) => {
      await startTask<'models.download', DownloadTask>(key, 'models.download', request, {
        initial: { request, state: { bytes: 0, total: null, bytesPerSecond: 0, etaSeconds: null } },
        reduce: (progress, state) => ({ ...progress, state }),
        onDone: (result) =>
          result.ok && toast.success(i18n.t('models.download.done', { name: result.value.metadata.name })),
        // Resumes from the partial file: a dropped connection past the retries costs one click.
        retryable: true,
      });
    },
    [key],
  );
  const pause = useCallback(() => task?.abort(), [task]);
  const cancel = useCallback(async () => {
    if (!task) return;
    const result = await invoke('models.discardDownload', task.progress.request);
    if (!result.ok) reportError(result.error);
  }, [task]);

  return { progress: task?.progress.state ?? null, start, pause, cancel };
}
