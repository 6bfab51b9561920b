import { FileInput, HardDrive } from 'lucide-react';
import { toast } from 'sonner';
import type { CatalogView, LocalModel } from '../../../electron/ipc/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/i18n';
import { invoke } from '../../api';
import { reportError } from '../../lib/error-report';
import { useInvoke } from '../../lib/use-invoke';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { RecommendedDownload } from '../models/recommended-download';

/** A model another app downloaded: used where it is, or why it cannot be. */
function FoundModel({ model, onImported }: { model: LocalModel; onImported(): void }) {
  const { t } = useTranslation();
  const { bytes } = useFormat();
  const use = async () => {
    const result = await invoke('models.import', { path: model.path, mode: 'reference' });
    if (!result.ok) return void reportError(result.error);
    toast.success(t('welcome.models.readyInPlace', { name: result.value.metadata.name, app: model.app }));
    onImported();
  };
  return (
    <li className="flex items-center justify-between gap-3 py-2" aria-label={model.name} data-testid="found-model">
      <div className="min-w-0 text-sm">
        <p className="flex flex-wrap items-center gap-1.5">
          <strong className="truncate" translate="no">
            {model.name}
          </strong>
          <Badge>{model.app}</Badge>
          {model.metadata && <Badge>{t(`models.role.${model.metadata.role}`)}</Badge>}
          <span className="text-xs text-muted-foreground">{bytes(model.sizeBytes)}</span>
        </p>
        {model.problem && (
          <p className="mt-0.5 text-xs text-destructive" data-testid="found-problem">
            {errorText(t, model.problem)}
          </p>
        )}
      </div>
      {model.installedId ? (
        <Badge tone="good">{t('welcome.models.inHearth')}</Badge>
      ) : (
        model.metadata && (
          <Button onClick={() => void use()}>
            <HardDrive className="size-4" aria-hidden /> {t('welcome.models.use')}
          </Button>
        )
      )}
    </li>
  );
}

/**
 * Step 2: models. The recommended pair to download, or what LM Studio, Jan, GPT4All or Ollama
 * already downloaded (checked, used in place), or any GGUF file.
 */
export function ModelsStep({ catalog }: { catalog: CatalogView | null }) {
  const [found, reloadFound] = useInvoke('models.discoverLocal');
  const { t } = useTranslation();
  const pair = [catalog?.recommended.chat, catalog?.recommended.embedding].flatMap(
    (id) => catalog?.models.find((entry) => entry.id === id) ?? [],
  );
  const importFile = async () => {
    const picked = await invoke('dialog.pickModelFile');
    if (!picked.ok || !picked.value) return;
    const result = await invoke('models.import', { path: picked.value, mode: 'reference' });
    if (!result.ok) return void reportError(result.error);
    toast.success(i18n.t('welcome.models.ready', { name: result.value.metadata.name }));
    reloadFound();
  };
  return (
    <Card aria-labelledby="models-step-title">
      <CardTitle id="models-step-title">{t('welcome.models.title')}</CardTitle>
      <CardDescription>{t('welcome.models.description')}</CardDescription>
      {pair.length > 0 && (
        <ul className="mt-3 divide-y divide-border">
          {pair.map((entry) => (
            <RecommendedDownload key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      <h3 className="mt-4 text-sm font-medium">{t('welcome.models.already')}</h3>
      {found.status === 'loading' && (
        <p className="mt-1 text-xs text-muted-foreground">{t('welcome.models.looking')}</p>
      )}
      {found.status === 'ready' &&
        (found.value.length ? (
          <ul className="mt-1 divide-y divide-border" aria-label={t('welcome.models.found')}>
            {found.value.map((model) => (
              <FoundModel key={model.path} model={model} onImported={reloadFound} />
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-xs text-muted-foreground">{t('welcome.models.noneFound')}</p>
        ))}
      <Button variant="ghost" className="mt-2" onClick={() => void importFile()}>
        <FileInput className="size-4" aria-hidden /> {t('welcome.models.importFile')}
      </Button>
    </Card>
  );
}
