import { formatBytes } from '../../../electron/ipc/format';
import { Button } from '../../ui/button';
import { Progress } from '../../ui/progress';
import type { DownloadProgress as DownloadProgressData } from '../../../electron/ipc/contract';

function eta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  return `${Math.ceil(seconds / 60)} min left`;
}

/** Bytes, speed and time left of a running download, with pause and cancel. */
export function DownloadProgress({
  state,
  onPause,
  onCancel,
}: {
  state: DownloadProgressData;
  onPause(): void;
  onCancel(): void;
}) {
  const label = state.total
    ? `${formatBytes(state.bytes)} of ${formatBytes(state.total)} · ${formatBytes(state.bytesPerSecond)}/s ${eta(state.etaSeconds)}`
    : `${formatBytes(state.bytes)} · ${formatBytes(state.bytesPerSecond)}/s`;
  return (
    <div className="mt-2 flex items-center gap-3" data-testid="download-progress">
      <div className="flex-1">
        <p className="mb-1 text-xs text-muted-foreground">{label}</p>
        <Progress value={state.total ? state.bytes / state.total : 0} label="Download progress" />
      </div>
      <Button onClick={onPause}>Pause</Button>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
