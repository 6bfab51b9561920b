import { Download } from 'lucide-react';
import type { CatalogView } from '../../../electron/ipc/contract';
import { formatBytes } from '../../../electron/ipc/format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { DownloadProgress } from './download-progress';
import { useDownload } from './use-download';

type Entry = CatalogView['models'][number];

/** "≈ 14 tok/s here", or nothing before the machine is measured. */
export function predictedSpeed(entry: Entry): string | null {
  const speed = entry.speed?.generationTokensPerSecond;
  if (speed === undefined) return null;
  return `≈ ${speed >= 10 ? Math.round(speed) : speed.toFixed(1)} tok/s here`;
}

/** A line speed to say a download's time at: a common home connection, not a measured one. */
const LINE_BITS_PER_SECOND = 100e6;

/** "≈ 3 min at 100 Mbit/s". */
function downloadTime(bytes: number): string {
  const minutes = Math.max(1, Math.round((bytes * 8) / LINE_BITS_PER_SECOND / 60));
  return `≈ ${minutes} min at 100 Mbit/s`;
}

/**
 * One recommended model to download, where the window suggests it (the welcome guide, an empty
 * Chat): size, time to download, speed here, and its progress, sharing the catalog row's task.
 */
export function RecommendedDownload({ entry }: { entry: Entry }) {
  const download = useDownload(`catalog:${entry.id}`);
  return (
    <li className="py-2" aria-label={entry.name} data-testid="welcome-download">
      <div className="flex items-center justify-between gap-3">
        <p className="flex flex-wrap items-center gap-1.5 text-sm">
          <strong>{entry.name}</strong>
          <span className="text-xs text-muted-foreground">
            {entry.role === 'chat' ? 'chat' : 'search by meaning'} · {formatBytes(entry.sizeBytes)} ·{' '}
            {downloadTime(entry.sizeBytes)}
          </span>
          {entry.role === 'chat' && predictedSpeed(entry) && <Badge tone="good">{predictedSpeed(entry)}</Badge>}
          {entry.installed && <Badge tone="good">Installed</Badge>}
        </p>
        <CatalogDownloadButton entry={entry} download={download} />
      </div>
      <RunningDownload download={download} />
    </li>
  );
}

/** A catalog model's Download button: none while it downloads, or once it is installed. */
export function CatalogDownloadButton({ entry, download }: { entry: Entry; download: ReturnType<typeof useDownload> }) {
  if (entry.installed || download.progress) return null;
  return (
    <Button onClick={() => void download.start({ catalogId: entry.id })}>
      <Download className="size-4" aria-hidden /> Download
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
