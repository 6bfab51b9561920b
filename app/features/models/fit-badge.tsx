import type { ModelInfo } from '../../../electron/ipc/contract';
import { formatBytes } from '../../../electron/ipc/format';
import { Badge } from '../../ui/badge';

const LABELS = { fits: 'Fits', tight: 'Tight fit', 'too-large': 'Too large' } as const;
const TONES = { fits: 'good', tight: 'warn', 'too-large': 'bad' } as const;

/** Whether the model fits this machine at its settings, with the numbers behind it on hover. */
export function FitBadge({ model }: { model: ModelInfo }) {
  if (!model.fit) return <Badge tone="bad">{model.fileMissing ? 'File missing' : 'Cannot check'}</Badge>;
  const { fit } = model;
  const detail = `Needs ${formatBytes(fit.ramNeeded)} RAM${fit.vramNeeded ? ` + ${formatBytes(fit.vramNeeded)} VRAM` : ''} at ${fit.contextSize} tokens; ${formatBytes(fit.ramFree)} of ${formatBytes(fit.ramTotal)} free`;
  return (
    <Badge tone={TONES[fit.level]} title={detail} data-testid="fit-badge" data-level={fit.level}>
      {LABELS[fit.level]}
      {fit.gpuLayers > 0 ? ` · ${fit.gpuLayers} GPU layers` : ''}
    </Badge>
  );
}
