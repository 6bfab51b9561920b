import { Card, CardDescription, CardTitle } from '../../ui/card';
import { cn } from '../../lib/cn';
import { inputClass, NumberInput } from '../../ui/input';
import { useSettings } from './settings-context';
import { useTranslation } from 'react-i18next';

/** How many models Hearth keeps in memory at once, and how fast a recommended model must be. */
export function ModelsPanel() {
  const { settings, update } = useSettings();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="models-settings-title">
      <CardTitle id="models-settings-title">{t('settings.models.title')}</CardTitle>
      <CardDescription>{t('settings.models.description')}</CardDescription>
      <label className="mt-4 flex items-center gap-3 text-sm">
        {t('settings.models.perKind')}
        <select
          className={cn(inputClass, 'w-20')}
          disabled={!settings}
          value={settings?.modelsPerRole ?? 1}
          onChange={(event) => void update({ modelsPerRole: Number(event.target.value) })}
        >
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="mt-4 flex items-center gap-3 text-sm">
        {t('settings.models.targetBefore')}
        <NumberInput
          min={1}
          max={200}
          aria-label={t('settings.models.target')}
          disabled={!settings}
          value={settings?.targetTokensPerSecond ?? 10}
          onValue={(value) => void update({ targetTokensPerSecond: value })}
        />
        {t('settings.models.targetAfter')}
      </label>
    </Card>
  );
}
