import { useEffect } from 'react';
import { toast } from 'sonner';
import type { Notice, StoreRecovered } from '../../electron/ipc/contract';
import { formatFileName } from '../../electron/ipc/format';
import { invoke, on } from '../api';
import { i18n } from '../i18n/i18n';

/** What happened to a damaged database, in the window's language: a headline and the details. */
function recoveredText(data: StoreRecovered): { headline: string; details: string } {
  const { t } = i18n;
  const path = formatFileName(data.movedTo);
  const context = data.database;
  if (!data.repair) {
    return {
      headline: t('notices.recovered.replaced', { context }),
      details: t('notices.recovered.replacedDetail', { path, reason: data.reason }),
    };
  }
  if (data.repair.method === 'reindexed') {
    return {
      headline: t('notices.recovered.reindexed', { context }),
      details: t('notices.recovered.reindexedDetail', { path }),
    };
  }
  const lost = data.repair.unreadable.length
    ? t('notices.recovered.lost', { tables: data.repair.unreadable.join(', ') })
    : t('notices.recovered.allRead');
  return {
    headline: t('notices.recovered.copied', { context }),
    details: t('notices.recovered.copiedDetail', {
      rows: new Intl.NumberFormat(i18n.language).format(data.repair.rows),
      lost,
      path,
    }),
  };
}

function showRecovered(data: StoreRecovered): void {
  const { headline, details } = recoveredText(data);
  toast.warning(headline, {
    id: `recovered-${data.movedTo}`,
    description: details,
    duration: Infinity,
    closeButton: true,
  });
}

function showNotice(notice: Notice): void {
  if (notice.kind === 'store.recovered') return showRecovered(notice.data);
  toast.info(i18n.t('notices.private'), {
    id: notice.id,
    description: i18n.t('notices.privateDetail', { paths: notice.data.paths.map(formatFileName).join(', ') }),
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
