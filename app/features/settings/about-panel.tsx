import { Link } from 'wouter';
import type { AppInfo } from '../../../electron/ipc/contract';
import { useInvoke } from '../../lib/use-invoke';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { formatBytes } from '../../../electron/ipc/format';

function rows(info: AppInfo): Array<[string, string]> {
  const gpu =
    info.compute.gpu === 'cpu'
      ? 'CPU only'
      : `${info.compute.gpu.toUpperCase()} · ${info.compute.devices.join(', ') || 'unknown device'} · ${formatBytes(info.compute.vramTotal)} VRAM`;
  return [
    ['Hearth', info.appVersion],
    ['Data folder', info.dataDir],
    ['Platform', `${info.platform} (${info.arch})`],
    ['CPU', `${info.cpuModel} · ${info.cpuCores} cores`],
    ['Memory', `${formatBytes(info.totalMemory)} (${formatBytes(info.freeMemory)} free)`],
    ['Compute backend', info.compute.error ? `${gpu} — ${info.compute.error}` : gpu],
    ['SQLite', info.sqliteVersion],
    ['sqlite-vec', info.sqliteVecVersion],
    ['Node.js', info.nodeVersion],
    ['Electron', info.electronVersion ?? 'not running in Electron'],
  ];
}

export function AboutPanel() {
  const [info] = useInvoke('app.info');
  return (
    <Card aria-labelledby="about-title">
      <CardTitle id="about-title">About</CardTitle>
      <CardDescription>
        What this copy of Hearth is running on. Nothing here leaves your computer.{' '}
        <Link href="/welcome" className="font-medium underline underline-offset-2">
          Show the welcome guide
        </Link>
      </CardDescription>
      {info.status === 'loading' && <p className="mt-4 text-sm text-muted-foreground">Reading system information…</p>}
      {info.status === 'error' && (
        <p role="alert" className="mt-4 text-sm text-destructive">
          {info.error.message}
        </p>
      )}
      {info.status === 'ready' && (
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm" data-testid="about">
          {rows(info.value).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-mono break-all" data-field={label}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
