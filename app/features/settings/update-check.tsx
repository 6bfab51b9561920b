import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateCheck } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { useFormat } from '../../i18n/format';
import { reportError } from '../../lib/error-report';
import { Button } from '../../ui/button';

/**
 * "Check for updates", which only the user starts: what the release feed says, and for a newer
 * release the button that downloads, verifies and installs it. In air-gap mode the check is
 * refused (main says so, with the way to Settings).
 */
export function UpdateCheckRow() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [checking, setChecking] = useState(false);
  const [found, setFound] = useState<UpdateCheck | null>(null);
  const check = async () => {
    setChecking(true);
    const result = await invoke('app.checkForUpdates');
    setChecking(false);
    if (result.ok) setFound(result.value);
    else reportError(result.error, { retry: () => void check() });
  };
  const install = async () => {
    const result = await invoke('app.installUpdate');
    if (!result.ok) reportError(result.error);
  };
  return (
    <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      <Button onClick={() => void check()} disabled={checking}>
        <RefreshCw className="size-4" aria-hidden />
        {checking ? t('settings.updates.checking') : t('settings.updates.check')}
      </Button>
      <span className="text-muted-foreground" role="status" data-testid="update-status">
        {found ? statusText(found) : t('settings.updates.never')}
      </span>
      {found?.status === 'available' && (
        <Button variant="primary" onClick={() => void install()}>
          {t('settings.updates.install')}
        </Button>
      )}
    </div>
  );

  function statusText(update: UpdateCheck): string {
    if (update.status === 'unconfigured') return t('settings.updates.unconfigured');
    if (update.status === 'current') return t('settings.updates.current', { version: update.current });
    const versions = { version: update.latest, current: update.current };
    return update.releaseDate
      ? t('settings.updates.availableDated', { ...versions, date: dateTime(update.releaseDate) })
      : t('settings.updates.available', versions);
  }
}
