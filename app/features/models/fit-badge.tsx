import type { ModelInfo } from '../../../electron/ipc/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';

const TONES = { fits: 'good', tight: 'warn', 'too-large': 'bad' } as const;

/** Whether the model fits this machine at its settings, with the numbers behind it on hover. */
export function FitBadge({ model }: { model: ModelInfo }) {
  const { t } = useTranslation();
  const { bytes, number } = useFormat();
  if (!model.fit)
    return <Badge tone="bad">{model.fileMissing ? t('models.fit.missing') : t('models.fit.cannotCheck')}</Badge>;
  const { fit } = model;
  const numbers = {
    ram: bytes(fit.ramNeeded),
    contextSize: number(fit.contextSize),
    free: bytes(fit.ramFree),
    total: bytes(fit.ramTotal),
  };
  const detail = fit.vramNeeded
    ? t('models.fit.detailVram', { ...numbers, vram: bytes(fit.vramNeeded) })
    : t('models.fit.detail', numbers);
  return (
    <Badge tone={TONES[fit.level]} title={detail} data-testid="fit-badge" data-level={fit.level}>
      {t(`models.fit.${fit.level}`)}
      {fit.gpuLayers > 0 ? t('models.fit.gpuLayers', { count: fit.gpuLayers }) : ''}
    </Badge>
  );
}
