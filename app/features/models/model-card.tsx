import { Gauge, Play, Settings2, Square, Trash2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import type { FitSuggestion, ModelInfo } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { startTask, useTask, type Task } from '../../lib/tasks';
import { formatFileName } from '../../../electron/ipc/format';
import { useFormat, type Format } from '../../i18n/format';
import { i18n } from '../../i18n/i18n';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardTitle } from '../../ui/card';
import { Progress } from '../../ui/progress';
import { BenchmarkTable } from './benchmark-table';
import { FitBadge } from './fit-badge';
import { ModelPerformance } from './model-performance';
import { ModelSettingsForm } from './model-settings-form';
import { SideSheet } from '../../ui/side-sheet';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';

/** A load or a benchmark of the model, as its task shows: what it is doing, and how far. */
type Step = { label: string; progress: number };

/** One installed model: what it is, whether it fits, and what can be done with it. */
export function ModelCard({
  model,
  models,
  onChanged,
}: {
  model: ModelInfo;
  /** Every installed model, for choosing a draft model. */
  models: readonly ModelInfo[];
  onChanged(): void;
}) {
  const [showSettings, setShowSettings] = useState(false);
  const closeSettings = useCallback(() => setShowSettings(false), []);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { metadata } = model;
  const { t } = useTranslation();
  const format = useFormat();
  // Tasks of the app, not of this card: leave Models mid-load and come back, and they are still here.
  const loading = useTask<Step>(`load:${model.id}`);
  const benchmarking = useTask<Step>(`benchmark:${model.id}`);
  const task: Task<Step> | null = loading ?? benchmarking ?? null;

  const load = () =>
    startTask(
      `load:${model.id}`,
      'models.load',
      { id: model.id },
      {
        initial: { label: i18n.t('models.card.checking'), progress: 0 },
        reduce: (_step, { phase, progress }) => ({
          label: phase === 'checking' ? i18n.t('models.card.checking') : i18n.t('models.card.loading'),
          progress,
        }),
      },
    );

  const benchmark = () =>
    startTask(
      `benchmark:${model.id}`,
      'models.benchmark',
      { id: model.id },
      {
        initial: { label: i18n.t('models.card.benchmarking'), progress: 0 },
        reduce: (_step, { threads, step }) => ({
          label: i18n.t('models.card.benchmarkStep', { count: threads, step }),
          progress: 0.5,
        }),
      },
    );

  const unload = async () => {
    const result = await invoke('models.unload', { id: model.id });
    if (!result.ok) reportError(result.error);
  };

  const remove = async () => {
    const result = await invoke('models.remove', { id: model.id });
    if (!result.ok) reportError(result.error);
  };

  return (
    <Card data-testid="model-card" data-model-id={model.id} aria-label={metadata.name}>
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <CardTitle className="flex items-center gap-2">
            <span translate="no">{metadata.name}</span>
            {model.loaded && <Badge tone="good">{t('models.card.loaded')}</Badge>}
          </CardTitle>
          <p className="mt-1 truncate font-mono text-xs text-muted-foreground" title={formatFileName(model.path)}>
            <span translate="no">{formatFileName(model.path)}</span>{' '}
            {model.storage === 'reference' ? t('models.card.inPlace') : ''}
          </p>
          <div className="mt-2 flex flex-wrap gap-1.5" data-testid="model-metadata">
            <Badge>{t(`models.role.${metadata.role}`)}</Badge>
            <Badge translate="no">{metadata.architecture}</Badge>
            <Badge>{t('models.facts.params', { count: format.count(metadata.parameterCount) })}</Badge>
            <Badge translate="no">{metadata.quantization}</Badge>
            <Badge>{format.bytes(metadata.fileSize)}</Badge>
            <Badge>{t('models.facts.ctx', { count: format.number(metadata.contextLength) })}</Badge>
            {metadata.hasChatTemplate && <Badge>{t('models.card.chatTemplate')}</Badge>}
            {metadata.license && <Badge translate="no">{metadata.license}</Badge>}
            {metadata.parts.length > 1 && <Badge>{t('models.card.parts', { count: metadata.parts.length })}</Badge>}
            <FitBadge model={model} />
          </div>
          <ModelPerformance model={model} />
        </div>
        <div className="flex shrink-0 gap-1.5">
          {model.loaded ? (
            <Button onClick={() => void unload()}>
              <Square className="size-4" aria-hidden /> {t('models.card.unload')}
            </Button>
          ) : (
            <Button
              variant="primary"
              disabled={task !== null || model.fit?.level === 'too-large'}
              onClick={() => void load()}
            >
              <Play className="size-4" aria-hidden /> {t('models.card.load')}
            </Button>
          )}
          <Button aria-haspopup="dialog" onClick={() => setShowSettings(true)}>
            <Settings2 className="size-4" aria-hidden /> {t('models.card.settings')}
          </Button>
          <Button disabled={task !== null} onClick={() => void benchmark()}>
            <Gauge className="size-4" aria-hidden /> {t('models.card.benchmark')}
          </Button>
        </div>
      </div>

      {model.fit && model.fit.suggestions.length > 0 && (
        <ul
          className="mt-3 list-disc space-y-0.5 pl-5 text-sm text-muted-foreground"
          aria-label={t('models.card.howToFit')}
        >
          {model.fit.suggestions.map((s) => (
            <li key={s.kind}>{suggestionText(s, t, format)}</li>
          ))}
        </ul>
      )}

      {task && (
        <div className="mt-4 flex items-center gap-3" data-testid="task">
          <div className="flex-1">
            <p className="mb-1 text-sm">{task.progress.label}</p>
            <Progress value={task.progress.progress} label={task.progress.label} />
          </div>
          <Button onClick={() => task.abort()}>{t('common.cancel')}</Button>
        </div>
      )}

      {showSettings && (
        <SideSheet title={t('models.card.settingsTitle', { name: metadata.name })} onClose={closeSettings}>
          <ModelSettingsForm model={model} models={models} onSaved={onChanged} />
        </SideSheet>
      )}
      {model.benchmark && <BenchmarkTable result={model.benchmark} />}

      <div className="mt-4 flex justify-end gap-2">
        {confirmRemove ? (
          <>
            <span className="self-center text-sm text-muted-foreground">
              {model.storage === 'reference' ? t('models.card.forget') : t('models.card.deleteCopy')}
            </span>
            <Button variant="danger" onClick={() => void remove()}>
              {t('models.card.remove')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirmRemove(false)}>
              {t('models.card.keep')}
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={() => setConfirmRemove(true)}>
            <Trash2 className="size-4" aria-hidden /> {t('models.card.remove')}
          </Button>
        )}
      </div>
    </Card>
  );
}

/** One way to make a model fit, in words, with its numbers. */
function suggestionText(suggestion: FitSuggestion, t: TFunction, format: Format): string {
  switch (suggestion.kind) {
    case 'context':
      return t('models.suggest.context', {
        contextSize: format.number(suggestion.contextSize ?? 0),
        ram: format.bytes(suggestion.ramNeeded ?? 0),
      });
    case 'gpu-layers':
      return t('models.suggest.gpu-layers', { count: suggestion.gpuLayers ?? 0 });
    default:
      return t(suggestion.kind === 'quantization' ? 'models.suggest.quantization' : 'models.suggest.close-apps');
  }
}
