import { useCallback, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { StreamHandle } from '../../../electron/ipc/contract';
import { invoke, stream } from '../../api';

export interface DownloadState {
  bytes: number;
  total: number | null;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

type Request = { catalogId: string } | { url: string };

/**
 * One download's lifecycle for a button: start (or resume), progress, pause (the partial file is
 * kept and shows under "Paused downloads"), and cancel (the partial file is deleted).
 */
export function useDownload(fileName: string | null) {
  const [progress, setProgress] = useState<DownloadState | null>(null);
  const handle = useRef<StreamHandle<unknown> | null>(null);
  const cancelling = useRef(false);

  const start = useCallback(
    async (request: Request) => {
      cancelling.current = false;
      setProgress({ bytes: 0, total: null, bytesPerSecond: 0, etaSeconds: null });
      const running = stream('models.download', request, setProgress);
      handle.current = running;
      const result = await running.result;
      handle.current = null;
      setProgress(null);
      if (result.ok) toast.success(`Downloaded and verified ${result.value.metadata.name}.`);
      else if (result.error.code !== 'CANCELLED') toast.error(result.error.message, { duration: 15_000 });
      else if (cancelling.current && fileName) await invoke('models.discardDownload', { fileName });
    },
    [fileName],
  );

  const pause = useCallback(() => handle.current?.abort(), []);
  const cancel = useCallback(() => {
    cancelling.current = true;
    handle.current?.abort();
  }, []);

  return { progress, start, pause, cancel };
}
