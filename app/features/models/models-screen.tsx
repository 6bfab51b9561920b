import { Tabs } from 'radix-ui';
import { useState } from 'react';
import type { LoadedModels, ModelInfo } from '../../../electron/ipc/contract';
import { Button } from '../../ui/button';
import { Card, CardDescription } from '../../ui/card';
import { Page } from '../../ui/page';
import { CatalogPanel } from './catalog-panel';
import { ImportPanel } from './import-panel';
import { ModelCard } from './model-card';
import { useModels } from './use-models';
import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';

function LoadedSummary({ models, loaded }: { models: ModelInfo[]; loaded: LoadedModels }) {
  const { t } = useTranslation();
  const name = (id: string | null) =>
    id ? (models.find((m) => m.id === id)?.metadata.name ?? id) : t('models.loaded.none');
  return (
    <p className="text-sm text-muted-foreground" data-testid="loaded-summary">
      {t('models.loaded.chat')} <strong className="text-foreground">{name(loaded.chat)}</strong> ·{' '}
      {t('models.loaded.embedding')} <strong className="text-foreground">{name(loaded.embedding)}</strong>
      {loaded.reranker && (
        <>
          {' '}
          · {t('models.loaded.reranker')} <strong className="text-foreground">{name(loaded.reranker)}</strong>
        </>
      )}
    </p>
  );
}

/**
 * Models in two tabs: Installed (import, and each model's load state, memory, speed and settings)
 * and Discover (the catalog with predicted speeds and filters, and downloads by URL). A first visit
 * with nothing installed opens on Discover.
 */
export function ModelsScreen() {
  const { t } = useTranslation();
  const { models, loaded, error, reload } = useModels();
  const [tab, setTab] = useState<'installed' | 'discover' | null>(null);
  // The first list decides where the screen opens; then the user does (a download finishing, which
  // makes the list non-empty, does not switch tabs under them).
  const [opening, setOpening] = useState<'installed' | 'discover' | null>(null);
  if (opening === null && models) setOpening(models.length === 0 ? 'discover' : 'installed');
  const shown = tab ?? opening ?? 'installed';
  return (
    <Page title={t('models.title')} description={t('models.description')}>
      <Tabs.Root value={shown} onValueChange={(value) => setTab(value as 'installed' | 'discover')}>
        <Tabs.List aria-label={t('models.tabs.label')} className="flex gap-1 border-b border-border">
          {(
            [
              [
                'installed',
                models ? t('models.tabs.installedCount', { count: models.length }) : t('models.tabs.installed'),
              ],
              ['discover', t('models.tabs.discover')],
            ] as const
          ).map(([value, label]) => (
            <Tabs.Trigger
              key={value}
              value={value}
              className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-muted-foreground data-[state=active]:border-primary data-[state=active]:font-medium data-[state=active]:text-foreground"
            >
              {label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="installed" className="mt-6 flex flex-col gap-6">
          <ImportPanel />
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {errorText(t, error)}
            </p>
          )}
          {models && <LoadedSummary models={models} loaded={loaded} />}
          {models?.length === 0 && (
            <Card>
              <CardDescription>
                {t('models.empty')}{' '}
                <Button variant="ghost" className="px-1.5 py-0.5" onClick={() => setTab('discover')}>
                  {t('models.discoverButton')}
                </Button>
              </CardDescription>
            </Card>
          )}
          {models?.map((model) => (
            <ModelCard key={model.id} model={model} models={models} onChanged={reload} />
          ))}
        </Tabs.Content>
        <Tabs.Content value="discover" className="mt-6 flex flex-col gap-6">
          <CatalogPanel />
        </Tabs.Content>
      </Tabs.Root>
    </Page>
  );
}
