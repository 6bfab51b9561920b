import type { LoadedModels, ModelInfo } from '../../../electron/ipc/contract';
import { Card, CardDescription } from '../../ui/card';
import { Page } from '../../ui/page';
import { CatalogPanel } from './catalog-panel';
import { ImportPanel } from './import-panel';
import { ModelCard } from './model-card';
import { useModels } from './use-models';

function LoadedSummary({ models, loaded }: { models: ModelInfo[]; loaded: LoadedModels }) {
  const name = (id: string | null) => (id ? (models.find((m) => m.id === id)?.metadata.name ?? id) : 'none');
  return (
    <p className="text-sm text-muted-foreground" data-testid="loaded-summary">
      Chat model: <strong className="text-foreground">{name(loaded.chat)}</strong> · Embedding model:{' '}
      <strong className="text-foreground">{name(loaded.embedding)}</strong>
      {loaded.reranker && (
        <>
          {' '}
          · Reranker: <strong className="text-foreground">{name(loaded.reranker)}</strong>
        </>
      )}
    </p>
  );
}

export function ModelsScreen() {
  const { models, loaded, error, reload } = useModels();
  return (
    <Page title="Models" description="GGUF models that run on this machine. Nothing is sent anywhere.">
      <ImportPanel />
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
      {models && <LoadedSummary models={models} loaded={loaded} />}
      {models?.length === 0 && (
        <Card>
          <CardDescription>No models yet. Import a GGUF file above.</CardDescription>
        </Card>
      )}
      {models?.map((model) => (
        <ModelCard key={model.id} model={model} models={models} onChanged={reload} />
      ))}
      <CatalogPanel />
    </Page>
  );
}
