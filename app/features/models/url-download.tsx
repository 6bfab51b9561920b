import { useState } from 'react';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { DownloadProgress } from './download-progress';
import { useDownload } from './use-download';

/** The file name a URL will be saved under, for discarding its partial file on cancel. */
function fileNameOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '').replace(/[^A-Za-z0-9._-]/g, '_') || null;
  } catch {
    return null;
  }
}

/** Any GGUF on Hugging Face, by its URL. */
export function UrlDownload() {
  const [url, setUrl] = useState('');
  const download = useDownload(fileNameOf(url));
  return (
    <section className="mt-4 border-t border-border pt-4">
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">From a Hugging Face URL</h3>
      <form
        className="mt-2 flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void download.start({ url: url.trim() });
        }}
      >
        <Input
          aria-label="Hugging Face URL"
          placeholder="https://huggingface.co/owner/repo/resolve/main/model-Q4_K_M.gguf"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <Button type="submit" disabled={!url.trim() || download.progress !== null}>
          Download
        </Button>
      </form>
      {download.progress && (
        <DownloadProgress state={download.progress} onPause={download.pause} onCancel={download.cancel} />
      )}
    </section>
  );
}
