import { Gauge, Play, Settings2, Square, Trash2 } from 'lucide-react';
import { useCallback, useState } from 'react';
import type { ModelInfo } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { startTask, useTask, type Task } from '../../lib/tasks';
import { formatFileName, formatBytes, formatCount } from '../../../electron/ipc/format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card, CardTitle } from '../../ui/card';
import { Progress } from '../../ui/progress';
import { BenchmarkTable } from './benchmark-table';
import { FitBadge } from './fit-badge';
import { ModelSettingsForm } from './model-settings-form';
import { SideSheet } from '../../ui/side-sheet';
import { reportError } from '../../lib/error-report';

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
        initial: { label: 'Checking file…', progress: 0 },
        reduce: (_step, { phase, progress }) => ({
          label: phase === 'checking' ? 'Checking file…' : 'Loading…',
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
        initial: { label: 'Benchmarking…', progress: 0 },
        reduce: (_step, { threads, step }) => ({
          label: `Benchmarking with ${threads} thread(s): ${step}…`,
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
            {metadata.name}
            {model.loaded && <Badge tone="good">Loaded</Badge>}
          </CardTitle>
          <p className="mt-1 truncate font-mono text-xs text-muted-foreground" title={formatFileName(model.path)}>
            {formatFileName(model.path)} {model.storage === 'reference' ? '(used in place)' : ''}
          </p>
          <div className="mt-2 flex flex-wrap gap-1.5" data-testid="model-metadata">
            <Badge>{metadata.role}</Badge>
            <Badge>{metadata.architecture}</Badge>
            <Badge>{formatCount(metadata.parameterCount)} params</Badge>
            <Badge>{metadata.quantization}</Badge>
            <Badge>{formatBytes(metadata.fileSize)}</Badge>
            <Badge>{metadata.contextLength.toLocaleString('en')} ctx</Badge>
            {metadata.hasChatTemplate && <Badge>chat template</Badge>}
            {metadata.license && <Badge>{metadata.license}</Badge>}
            {metadata.parts.length > 1 && <Badge>{metadata.parts.length} parts</Badge>}
            <FitBadge model={model} />
          </div>
        </div>
        <div className="flex shrink-0 gap-1.5">
          {model.loaded ? (
            <Button onClick={() => void unload()}>
              <Square className="size-4" aria-hidden /> Unload
            </Button>
          ) : (
            <Button
              variant="primary"
              disabled={task !== null || model.fit?.level === 'too-large'}
              onClick={() => void load()}
            >
              <Play className="size-4" aria-hidden /> Load
            </Button>
          )}
          <Button aria-haspopup="dialog" onClick={() => setShowSettings(true)}>
            <Settings2 className="size-4" aria-hidden /> Settings
          </Button>
          <Button disabled={task !== null} onClick={() => void benchmark()}>
            <Gauge className="size-4" aria-hidden /> Benchmark
          </Button>
        </div>
      </div>

      {model.fit && model.fit.suggestions.length > 0 && (
        <ul className="mt-3 list-disc space-y-0.5 pl-5 text-sm text-muted-foreground" aria-label="How to make it fit">
          {model.fit.suggestions.map((s) => (
            <li key={s.message}>{s.message}</li>
          ))}
        </ul>
      )}

      {task && (
        <div className="mt-4 flex items-center gap-3" data-testid="task">
          <div className="flex-1">
            <p className="mb-1 text-sm">{task.progress.label}</p>
            <Progress value={task.progress.progress} label={task.progress.label} />
          </div>
          <Button onClick={() => task.abort()}>Cancel</Button>
        </div>
      )}

      {showSettings && (
        <SideSheet title={`${metadata.name} settings`} onClose={closeSettings}>
          <ModelSettingsForm model={model} models={models} onSaved={onChanged} />
        </SideSheet>
      )}
      {model.benchmark && <BenchmarkTable result={model.benchmark} />}

      <div className="mt-4 flex justify-end gap-2">
        {confirmRemove ? (
          <>
            <span className="self-center text-sm text-muted-foreground">
              {model.storage === 'reference'
                ? 'Forget this model? Your file stays.'
                : 'Delete Hearth’s copy of this model?'}
            </span>
            <Button variant="danger" onClick={() => void remove()}>
              Remove
            </Button>
            <Button variant="ghost" onClick={() => setConfirmRemove(false)}>
              Keep
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={() => setConfirmRemove(true)}>
            <Trash2 className="size-4" aria-hidden /> Remove
          </Button>
        )}
      </div>
    </Card>
  );
}
