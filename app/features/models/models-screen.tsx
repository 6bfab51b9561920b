import type { ModelInfo } from '../../../electron/ipc/contract';
import { Card, CardDescription } from '../../ui/card';
import { Page } from '../../ui/page';
import { CatalogPanel } from './catalog-panel';
import { ImportPanel } from './import-panel';
import { ModelCard } from './model-card';
import { useModels } from './use-models';

function LoadedSummary({
  models,
  chat,
  embedding,
}: {
  models: ModelInfo[];
  chat: string | null;
  embedding: string | null;
}) {
  const name = (id: string | null) => (id ? (models.find((m) => m.id === id)?.metadata.name ?? id) : 'none');
  return (
    <p className="text-sm text-muted-foreground" data-testid="loaded-summary">
      Chat model: <strong className="text-foreground">{name(chat)}</strong> · Embedding model:{' '}
      <strong className="text-foreground">{name(embedding)}</strong>
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
      {models && <LoadedSummary models={models} chat={loaded.chat} embedding={loaded.embedding} />}
      {models?.length === 0 && (
        <Card>
          <CardDescription>No models yet. Import a GGUF file above.</CardDescription>
        </Card>
      )}
      {models?.map((model) => (
        <ModelCard key={model.id} model={model} onChanged={reload} />
      ))}
      <CatalogPanel />
    </Page>
  );
}
