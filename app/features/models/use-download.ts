import { useCallback, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { DownloadProgress, DownloadRequest, StreamHandle } from '../../../electron/ipc/contract';
import { invoke, stream } from '../../api';

/**
 * One download's lifecycle for a button: start (or resume), progress, pause (the partial file is
 * kept and shows under "Paused downloads"), and cancel. Cancel is one request to main, which stops
 * the download and deletes its partial file: main alone knows which file a request writes.
 */
export function useDownload() {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const running = useRef<{ handle: StreamHandle<unknown>; request: DownloadRequest } | null>(null);

  const start = useCallback(async (request: DownloadRequest) => {
    setProgress({ bytes: 0, total: null, bytesPerSecond: 0, etaSeconds: null });
    const handle = stream('models.download', request, setProgress);
    running.current = { handle, request };
    const result = await handle.result;
    running.current = null;
    setProgress(null);
    if (result.ok) toast.success(`Downloaded and verified ${result.value.metadata.name}.`);
    else if (result.error.code !== 'CANCELLED') toast.error(result.error.message, { duration: 15_000 });
  }, []);

  const pause = useCallback(() => running.current?.handle.abort(), []);
  const cancel = useCallback(async () => {
    const current = running.current;
    if (!current) return;
    const result = await invoke('models.discardDownload', current.request);
    if (!result.ok) toast.error(result.error.message);
  }, []);

  return { progress, start, pause, cancel };
}
