import type { NetworkPurpose } from '../../../electron/ipc/contract';
import { useLiveValue } from '../../lib/use-invoke';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { useSettings } from './settings-context';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';

/** What each request was for, as the list says it. */
const PURPOSES = {
  'model-download': 'settings.privacy.purpose.model-download',
  'update-check': 'settings.privacy.purpose.update-check',
  'update-download': 'settings.privacy.purpose.update-download',
} as const satisfies Record<NetworkPurpose, string>;

/** Privacy is the product: the one switch that makes Hearth refuse the network entirely. */
export function PrivacyPanel() {
  const { settings, update } = useSettings();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="privacy-title">
      <CardTitle id="privacy-title">{t('settings.privacy.title')}</CardTitle>
      <CardDescription>{t('settings.privacy.description')}</CardDescription>
      <label className="mt-4 flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          disabled={!settings}
          checked={settings?.airGap ?? false}
          onChange={(event) => void update({ airGap: event.target.checked })}
        />
        <span>
          <span className="font-medium">{t('settings.privacy.airGap')}</span>
          <span className="block text-muted-foreground">{t('settings.privacy.airGapHint')}</span>
        </span>
      </label>
      <NetworkActivity />
    </Card>
  );
}

/** Every request Hearth made since it started: when, what for, where, and how it went. */
function NetworkActivity() {
  const [requests] = useLiveValue('app.network', 'network.changed');
  const list = requests.status === 'ready' ? requests.value : [];
  const { t } = useTranslation();
  const { time } = useFormat();
  return (
    <section className="mt-5" aria-labelledby="network-title">
      <h3 id="network-title" className="text-sm font-medium">
        {t('settings.privacy.activity')}
      </h3>
      {list.length === 0 ? (
        <p className="mt-1 text-sm text-muted-foreground" data-testid="network-empty">
          {t('settings.privacy.none')}
        </p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1 font-mono text-xs" aria-label={t('settings.privacy.requests')}>
          {list.map((request) => (
            <li key={request.id} data-testid="network-request" className="flex flex-wrap gap-x-3">
              <span className="text-muted-foreground">{time(request.at)}</span>
              <span>{t(PURPOSES[request.purpose])}</span>
              <span className="break-all" translate="no">
                {request.method} {request.host}
                {request.path}
              </span>
              <span className={request.status !== null && request.status < 400 ? '' : 'text-destructive'}>
                {request.status ?? (request.error ? t(`settings.privacy.error.${request.error}`) : '…')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
