import { Copy, RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { invoke } from '../../api';
import { cn } from '../../lib/cn';
import { useInvoke } from '../../lib/use-invoke';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { inputClass, NumberInput } from '../../ui/input';
import { useSettings } from './settings-context';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { mainText } from '../../i18n/main-text';

/**
 * The OpenAI-compatible local API: the switch, the port, the key (shown on demand, copied,
 * replaced), the browser origins allowed to call it, and the requests it served.
 */
export function LocalApiPanel() {
  const { settings, update } = useSettings();
  const { t } = useTranslation();
  const { time } = useFormat();
  const [state] = useInvoke('api.state', 'api.changed');
  const [log, reloadLog] = useInvoke('api.log', 'api.changed');
  const [key, setKey] = useState<string | null>(null);
  const [showKey, setShowKey] = useState(false);
  const [origins, setOrigins] = useState<string | null>(null);

  useEffect(() => {
    void invoke('api.key').then((result) => result.ok && setKey(result.value.key));
  }, []);

  const regenerate = async () => {
    const result = await invoke('api.regenerateKey');
    if (!result.ok) return void reportError(result.error);
    setKey(result.value.key);
    toast.success(t('settings.api.newKey'));
  };
  const copy = () =>
    key &&
    navigator.clipboard.writeText(key).then(
      () => toast.success(t('settings.api.copied')),
      () => toast.error(t('settings.api.copyFailed')),
    );
  const saveOrigins = async () => {
    if (origins === null) return;
    const list = origins
      .split(/\s+/)
      .map((origin) => origin.trim())
      .filter(Boolean);
    if (await update({ apiAllowedOrigins: list })) setOrigins(null);
  };

  const running = state.status === 'ready' ? state.value : null;
  return (
    <Card aria-labelledby="local-api-title">
      <CardTitle id="local-api-title">{t('settings.api.title')}</CardTitle>
      <CardDescription>{t('settings.api.description')}</CardDescription>
      <label className="mt-4 flex items-center gap-3 text-sm">
        <input
          type="checkbox"
          disabled={!settings}
          checked={settings?.apiServerEnabled ?? false}
          onChange={(event) => void update({ apiServerEnabled: event.target.checked })}
        />
        <span className="font-medium">{t('settings.api.run')}</span>
      </label>
      <label className="mt-3 flex items-center gap-3 text-sm">
        {t('settings.api.port')}
        <NumberInput
          integer
          min={1024}
          max={65535}
          aria-label={t('settings.api.portLabel')}
          className="w-24"
          disabled={!settings}
          value={settings?.apiServerPort ?? 4891}
          onValue={(value) => void update({ apiServerPort: value })}
        />
      </label>
      <p className="mt-3 text-sm" data-testid="api-status">
        {running?.running ? (
          <>
            {t('settings.api.listening')} <code className="rounded bg-muted px-1">{running.url}</code>
          </>
        ) : running?.error ? (
          <span className="text-destructive">{mainText(t, running.error)}</span>
        ) : (
          <span className="text-muted-foreground">{t('settings.api.off')}</span>
        )}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span>{t('settings.api.key')}</span>
        <code className="rounded bg-muted px-2 py-1 font-mono text-xs break-all" data-testid="api-key">
          {key ? (showKey ? key : `${key.slice(0, 8)}${'•'.repeat(16)}`) : '…'}
        </code>
        <Button variant="ghost" onClick={() => setShowKey((shown) => !shown)}>
          {showKey ? t('settings.api.hide') : t('settings.api.show')}
        </Button>
        <Button variant="ghost" onClick={() => void copy()} aria-label={t('settings.api.copyLabel')}>
          <Copy className="size-3.5" aria-hidden /> {t('settings.api.copy')}
        </Button>
        <Button variant="ghost" onClick={() => void regenerate()}>
          <RefreshCw className="size-3.5" aria-hidden /> {t('settings.api.regenerate')}
        </Button>
      </div>
      <label className="mt-3 flex flex-col gap-1 text-sm">
        {t('settings.api.origins')}
        <textarea
          className={cn(inputClass, 'font-mono text-xs')}
          rows={2}
          aria-label={t('settings.api.originsLabel')}
          disabled={!settings}
          value={origins ?? settings?.apiAllowedOrigins.join('\n') ?? ''}
          onChange={(event) => setOrigins(event.target.value)}
          onBlur={() => void saveOrigins()}
        />
      </label>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">{t('settings.api.log')}</summary>
        <Button variant="ghost" className="mt-1" onClick={reloadLog}>
          {t('settings.api.refresh')}
        </Button>
        {log.status === 'ready' && log.value.length === 0 && (
          <p className="text-muted-foreground">{t('settings.api.noneYet')}</p>
        )}
        {log.status === 'ready' && log.value.length > 0 && (
          <table className="mt-1 w-full text-xs" data-testid="api-log">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th>{t('settings.api.time')}</th>
                <th>{t('settings.api.request')}</th>
                <th>{t('settings.api.status')}</th>
                <th>{t('settings.api.tokens')}</th>
                <th>{t('settings.api.ms')}</th>
              </tr>
            </thead>
            <tbody>
              {log.value.slice(0, 50).map((entry, i) => (
                <tr key={`${entry.time}-${i}`}>
                  <td>{time(entry.time)}</td>
                  <td className="font-mono">
                    {entry.method} {entry.route}
                  </td>
                  <td>{entry.status}</td>
                  <td>
                    {entry.promptTokens ?? '–'} / {entry.completionTokens ?? '–'}
                  </td>
                  <td>{entry.ms}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </Card>
  );
}
