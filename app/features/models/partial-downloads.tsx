import type { PartialDownload } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { useInvoke } from '../../lib/use-invoke';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/button';
import { DownloadProgress } from './download-progress';
import { useDownload } from './use-download';

function PartialRow({ partial, onGone }: { partial: PartialDownload; onGone(): void }) {
  const download = useDownload(`url:${partial.url}`);
  const { t } = useTranslation();
  const { bytes } = useFormat();
  const discard = async () => {
    await invoke('models.discardDownload', { url: partial.url });
    onGone();
  };
  return (
    <li className="flex flex-col py-1 text-sm" data-testid="partial-download">
      <div className="flex items-center justify-between gap-3">
        <span className="truncate">
          <span translate="no">{partial.fileName}</span>{' '}
          <span className="text-muted-foreground">
            ({bytes(partial.bytes)}
            {partial.total ? t('models.partial.of', { total: bytes(partial.total) }) : ''})
          </span>
        </span>
        {!download.progress && (
          <span className="flex gap-1.5">
            <Button onClick={() => void download.start({ url: partial.url }).then(onGone)}>
              {t('models.partial.resume')}
            </Button>
            <Button variant="ghost" onClick={() => void discard()}>
              {t('models.partial.discard')}
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
  const { t } = useTranslation();
  if (partials.length === 0) return null;
  return (
    <section className="mt-4" aria-label={t('models.partial.title')}>
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {t('models.partial.title')}
      </h3>
      <ul>
        {partials.map((partial) => (
          <PartialRow key={partial.fileName} partial={partial} onGone={refresh} />
        ))}
      </ul>
    </section>
  );
}
