import { useEffect } from 'react';
import { toast } from 'sonner';
import type { Notice, StoreRecovered } from '../../electron/ipc/contract';
import { formatStoreRecovered } from '../../electron/ipc/format';
import { invoke, on } from '../api';

function showRecovered(data: StoreRecovered): void {
  const { headline, details } = formatStoreRecovered(data);
  toast.warning(headline, {
    id: `recovered-${data.movedTo}`,
    description: details,
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
