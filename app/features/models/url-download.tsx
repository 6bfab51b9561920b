import { useState } from 'react';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { DownloadProgress } from './download-progress';
import { useDownload } from './use-download';
import { useTranslation } from 'react-i18next';

/** Any GGUF on Hugging Face, by its URL. */
export function UrlDownload() {
  const [url, setUrl] = useState('');
  const download = useDownload('url-form');
  const { t } = useTranslation();
  return (
    <section className="mt-4 border-t border-border pt-4">
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{t('models.url.title')}</h3>
      <form
        className="mt-2 flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void download.start({ url: url.trim() });
        }}
      >
        <Input
          aria-label={t('models.url.label')}
          placeholder={t('models.url.placeholder')}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <Button type="submit" disabled={!url.trim() || download.progress !== null}>
          {t('models.download.button')}
        </Button>
      </form>
      {download.progress && (
        <DownloadProgress state={download.progress} onPause={download.pause} onCancel={() => void download.cancel()} />
      )}
    </section>
  );
}
