import { Gauge, MemoryStick } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ModelInfo } from '../../../electron/ipc/contract';
import { useFormat } from '../../i18n/format';
import { mainText } from '../../i18n/main-text';
import { tokensPerSecond } from './recommended-download';

/**
 * What an installed model costs and gives here, before anyone benchmarks it: the memory it needs
 * at its settings, and a chat model's speed (measured by its benchmark when there is one, else
 * predicted from this machine, with how on hover).
 */
export function ModelPerformance({ model }: { model: ModelInfo }) {
  const { t } = useTranslation();
  const format = useFormat();
  const measured = model.benchmark?.runs.find((run) => run.threads === model.benchmark?.recommendedThreads);
  const speed = measured
    ? t('models.performance.measured', {
        speed: tokensPerSecond(measured.generationTokensPerSecond, format),
        count: measured.threads,
      })
    : model.speed && t('models.speed.here', { speed: tokensPerSecond(model.speed.generationTokensPerSecond, format) });
  if (!model.fit && !speed) return null;
  return (
    <p
      className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground"
      data-testid="model-performance"
    >
      {model.fit && (
        <span className="inline-flex items-center gap-1">
          <MemoryStick className="size-3.5" aria-hidden />
          {t('models.performance.memory', {
            ram: format.bytes(model.fit.ramNeeded),
            contextSize: format.number(model.fit.contextSize),
          })}
        </span>
      )}
      {speed && (
        <span
          className="inline-flex items-center gap-1"
          title={!measured && model.speed ? mainText(t, model.speed.basis) : undefined}
          data-testid="model-speed"
          data-measured={measured ? 'true' : 'false'}
        >
          <Gauge className="size-3.5" aria-hidden />
          {speed}
          {!measured && ` ${t('models.performance.predicted')}`}
        </span>
      )}
    </p>
  );
}
