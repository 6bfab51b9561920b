import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/button';
import { Progress } from '../../ui/progress';
import type { DownloadProgress as DownloadProgressData } from '../../../electron/ipc/contract';

function eta(seconds: number | null, t: TFunction): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  if (seconds < 60) return t('models.download.secondsLeft', { count: Math.ceil(seconds) });
  return t('models.download.minutesLeft', { count: Math.ceil(seconds / 60) });
}

/** Bytes, speed and time left of a running download, with pause and cancel. */
export function DownloadProgress({
  state,
  onPause,
  onCancel,
}: {
  state: DownloadProgressData;
  onPause(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { bytes } = useFormat();
  const rate = bytes(state.bytesPerSecond);
  const label = state.total
    ? `${t('models.download.ofTotal', { bytes: bytes(state.bytes), total: bytes(state.total), rate })} ${eta(state.etaSeconds, t)}`
    : t('models.download.noTotal', { bytes: bytes(state.bytes), rate });
  return (
    <div className="mt-2 flex items-center gap-3" data-testid="download-progress">
      <div className="flex-1">
        <p className="mb-1 text-xs text-muted-foreground">{label}</p>
        <Progress value={state.total ? state.bytes / state.total : 0} label={t('models.download.progress')} />
      </div>
      <Button onClick={onPause}>{t('models.download.pause')}</Button>
      <Button variant="ghost" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
