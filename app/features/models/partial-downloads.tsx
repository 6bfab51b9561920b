import type { PartialDownload } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../lib/use-invoke';
import { formatBytes } from '../../../electron/ipc/format';
import { Button } from '../../ui/button';
import { DownloadProgress } from './download-progress';
import { useDownload } from './use-download';

function PartialRow({ partial, onGone }: { partial: PartialDownload; onGone(): void }) {
  const download = useDownload(`url:${partial.url}`);
  const discard = async () => {
    await invoke('models.discardDownload', { url: partial.url });
    onGone();
  };
  return (
    <li className="flex flex-col py-1 text-sm" data-testid="partial-download">
      <div className="flex items-center justify-between gap-3">
        <span className="truncate">
          {partial.fileName}{' '}
          <span className="text-muted-foreground">
            ({formatBytes(partial.bytes)}
            {partial.total ? ` of ${formatBytes(partial.total)}` : ''})
          </span>
        </span>
        {!download.progress && (
          <span className="flex gap-1.5">
            <Button onClick={() => void download.start({ url: partial.url }).then(onGone)}>Resume</Button>
            <Button variant="ghost" onClick={() => void discard()}>
              Discard
            </Button>
          </span>
        )}
      </div>
      {download.progress && (
        <DownloadProgress
          state={download.progress}
          onPause={download.pause}
          onCancel={() => void download.cancel().then(onGone)}
        />
      )}
    </li>
  );
}

/** Downloads that were paused or cut off (also by a restart) and can be resumed. */
export function PartialDownloads() {
  const [loaded, refresh] = useInvoke('models.partialDownloads', 'models.partialsChanged');
  const partials = loaded.status === 'ready' ? loaded.value : [];
  if (partials.length === 0) return null;
  return (
    <section className="mt-4" aria-label="Paused downloads">
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">Paused downloads</h3>
      <ul>
        {partials.map((partial) => (
          <PartialRow key={partial.fileName} partial={partial} onGone={refresh} />
        ))}
      </ul>
    </section>
  );
}
