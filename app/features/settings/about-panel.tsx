import { Link } from 'wouter';
import type { AppInfo } from '../../../electron/ipc/contract';
import { useInvoke } from '../../lib/use-invoke';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { UpdateCheckRow } from './update-check';
import { useFormat, type Format } from '../../i18n/format';

/** The rows, each as `[field, label, value]`: `field` names it for tests and never changes with the language. */
function rows(info: AppInfo, t: TFunction, format: Format): Array<[string, string, string]> {
  const gpu =
    info.compute.gpu === 'cpu'
      ? t('settings.about.cpuOnly')
      : `${info.compute.gpu.toUpperCase()} · ${info.compute.devices.join(', ') || t('settings.about.unknownDevice')} · ${t('settings.about.vram', { size: format.bytes(info.compute.vramTotal) })}`;
  return [
    ['Hearth', t('app.name'), info.appVersion],
    ['Data folder', t('settings.about.dataFolder'), info.dataDir],
    ['Platform', t('settings.about.platform'), `${info.platform} (${info.arch})`],
    ['CPU', t('settings.about.cpu'), t('settings.about.cores', { model: info.cpuModel, count: info.cpuCores })],
    [
      'Memory',
      t('settings.about.memory'),
      t('settings.about.memoryValue', { total: format.bytes(info.totalMemory), free: format.bytes(info.freeMemory) }),
    ],
    ['Compute backend', t('settings.about.backend'), info.compute.error ? `${gpu} — ${info.compute.error}` : gpu],
    ['SQLite', 'SQLite', info.sqliteVersion],
    ['sqlite-vec', 'sqlite-vec', info.sqliteVecVersion],
    ['Node.js', 'Node.js', info.nodeVersion],
    ['Electron', 'Electron', info.electronVersion ?? t('settings.about.notElectron')],
  ];
}

export function AboutPanel() {
  const [info] = useInvoke('app.info');
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card aria-labelledby="about-title">
      <CardTitle id="about-title">{t('settings.about.title')}</CardTitle>
      <CardDescription>
        {t('settings.about.description')}{' '}
        <Link href="/welcome" className="font-medium underline underline-offset-2">
          {t('settings.about.welcome')}
        </Link>
      </CardDescription>
      <UpdateCheckRow />
      {info.status === 'loading' && <p className="mt-4 text-sm text-muted-foreground">{t('settings.about.reading')}</p>}
      {info.status === 'error' && (
        <p role="alert" className="mt-4 text-sm text-destructive">
          {errorText(t, info.error)}
        </p>
      )}
      {info.status === 'ready' && (
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm" data-testid="about">
          {rows(info.value, t, format).map(([field, label, value]) => (
            <div key={field} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-mono break-all" data-field={field} translate="no">
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
