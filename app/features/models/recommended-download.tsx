import { Download } from 'lucide-react';
import type { CatalogView } from '../../../electron/ipc/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat, type Format } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { DownloadProgress } from './download-progress';
import { useDownload } from './use-download';

type Entry = CatalogView['models'][number];

/** "14" or "4.2": a speed as precise as it is worth reading. */
export function tokensPerSecond(speed: number, format: Format): string {
  return speed >= 10 ? format.number(speed) : format.decimal(speed);
}

/** "≈ 14 tok/s here", or nothing before the machine is measured. */
export function predictedSpeed(entry: Entry, t: TFunction, format: Format): string | null {
  const speed = entry.speed?.generationTokensPerSecond;
  if (speed === undefined) return null;
  return t('models.speed.here', { speed: tokensPerSecond(speed, format) });
}

/** A line speed to say a download's time at: a common home connection, not a measured one. */
const LINE_BITS_PER_SECOND = 100e6;

/** Minutes to download `bytes` at that line speed, at least one. */
function downloadMinutes(bytes: number): number {
  return Math.max(1, Math.round((bytes * 8) / LINE_BITS_PER_SECOND / 60));
}

/**
 * One recommended model to download, where the window suggests it (the welcome guide, an empty
 * Chat): size, time to download, speed here, and its progress, sharing the catalog row's task.
 */
export function RecommendedDownload({ entry }: { entry: Entry }) {
  const download = useDownload(`catalog:${entry.id}`);
  const { t } = useTranslation();
  const format = useFormat();
  const speed = entry.role === 'chat' ? predictedSpeed(entry, t, format) : null;
  return (
    <li className="py-2" aria-label={entry.name} data-testid="welcome-download">
      <div className="flex items-center justify-between gap-3">
        <p className="flex flex-wrap items-center gap-1.5 text-sm">
          <strong translate="no">{entry.name}</strong>
          <span className="text-xs text-muted-foreground">
            {entry.role === 'chat' ? t('models.download.roleChat') : t('models.download.roleSearch')} ·{' '}
            {format.bytes(entry.sizeBytes)} · {t('models.download.time', { minutes: downloadMinutes(entry.sizeBytes) })}
          </span>
          {speed && <Badge tone="good">{speed}</Badge>}
          {entry.installed && <Badge tone="good">{t('models.badge.installed')}</Badge>}
        </p>
        <CatalogDownloadButton entry={entry} download={download} />
      </div>
      <RunningDownload download={download} />
    </li>
  );
}

/** A catalog model's Download button: none while it downloads, or once it is installed. */
export function CatalogDownloadButton({ entry, download }: { entry: Entry; download: ReturnType<typeof useDownload> }) {
  const { t } = useTranslation();
  if (entry.installed || download.progress) return null;
  return (
    <Button onClick={() => void download.start({ catalogId: entry.id })}>
      <Download className="size-4" aria-hidden /> {t('models.download.button')}
    </Button>
  );
}

/** A download's bytes, speed and time left, with Pause and Cancel, while it runs. */
export function RunningDownload({ download }: { download: ReturnType<typeof useDownload> }) {
  if (!download.progress) return null;
  return (
    <DownloadProgress state={download.progress} onPause={download.pause} onCancel={() => void download.cancel()} />
  );
}
