import { Download } from 'lucide-react';
import type { CatalogView } from '../../../electron/ipc/contract';
import { useInvoke } from '../../lib/use-invoke';
import { formatBytes, formatCount } from '../../../electron/ipc/format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { DownloadProgress } from './download-progress';
import { PartialDownloads } from './partial-downloads';
import { UrlDownload } from './url-download';
import { useDownload } from './use-download';

type Entry = CatalogView['models'][number];

function CatalogRow({ entry, recommended }: { entry: Entry; recommended: boolean }) {
  const download = useDownload();
  return (
    <li className="border-t border-border py-3 first:border-t-0" data-testid="catalog-entry" aria-label={entry.name}>
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="flex flex-wrap items-center gap-1.5 text-sm font-medium">
            {entry.name}
            {recommended && <Badge tone="good">Recommended</Badge>}
            {entry.installed && <Badge>Installed</Badge>}
            {!entry.fitsThisMachine && <Badge tone="warn">Needs more RAM</Badge>}
          </p>
          <p className="mt-0.5 text-xs text-muted-foreground">{entry.description}</p>
          <p className="mt-1 text-xs text-muted-foreground">
            {formatCount(entry.parameters)} params · {entry.quantization} · {formatBytes(entry.sizeBytes)} ·{' '}
            {entry.contextLength.toLocaleString('en')} ctx · {formatBytes(entry.minRamBytes)} RAM · {entry.license}
          </p>
        </div>
        {!download.progress && !entry.installed && (
          <Button onClick={() => void download.start({ catalogId: entry.id })}>
            <Download className="size-4" aria-hidden /> Download
          </Button>
        )}
      </div>
      {download.progress && (
        <DownloadProgress state={download.progress} onPause={download.pause} onCancel={() => void download.cancel()} />
      )}
    </li>
  );
}

/** Recommended models to download, with the pick for this machine first. */
export function CatalogPanel() {
  const [catalog] = useInvoke('models.catalog', 'models.changed');
  if (catalog.status !== 'ready') return null;
  const view = catalog.value;
  const picks = new Set([view.recommended.chat, view.recommended.embedding]);
  const byRole = (role: Entry['role']) => view.models.filter((entry) => entry.role === role);
  return (
    <Card aria-labelledby="catalog-title">
      <CardTitle id="catalog-title">Download a model</CardTitle>
      <CardDescription>
        Downloads come from Hugging Face and are checked against the published SHA-256 before use.{' '}
        {view.recommended.reason}
      </CardDescription>
      <PartialDownloads />
      {(['chat', 'embedding', 'reranker'] as const).map((role) => (
        <section key={role} className="mt-4">
          <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{role} models</h3>
          <ul>
            {byRole(role).map((entry) => (
              <CatalogRow key={entry.id} entry={entry} recommended={picks.has(entry.id)} />
            ))}
          </ul>
        </section>
      ))}
      <UrlDownload />
    </Card>
  );
}
