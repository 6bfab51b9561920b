import { useEffect } from 'react';
import { toast } from 'sonner';
import type { Notice, StoreRecovered } from '../../electron/ipc/contract';
import { invoke, on } from '../api';

function showRecovered(data: StoreRecovered): void {
  const what = data.database === 'hearth' ? 'Your chats and settings database' : 'The library index';
  toast.warning(`${what} could not be read and was replaced with a new one.`, {
    id: `recovered-${data.movedTo}`,
    description: `The old file was kept at ${data.movedTo}. (${data.reason})`,
    duration: Infinity,
    closeButton: true,
  });
}

function showNotice(notice: Notice): void {
  if (notice.kind === 'store.recovered') return showRecovered(notice.data);
  toast.info('Hearth made its data private to your user account.', {
    id: notice.id,
    description: `Other users of this computer could read ${notice.data.paths.join(', ')}; now only you can.`,
    duration: 15_000,
    closeButton: true,
  });
}

/** Tells the user what main did on their behalf: at start-up (notices) and while running (events). */
export function useNotices(): void {
  useEffect(() => {
    void invoke('app.notices').then((result) => {
      if (!result.ok) return;
      for (const notice of result.value) showNotice(notice);
    });
    return on('store.recovered', showRecovered);
  }, []);
}
