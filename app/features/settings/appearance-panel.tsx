import type { Language, Theme } from '../../../electron/ipc/contract';
import { inputClass } from '../../ui/input';
import { cn } from '../../lib/cn';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { RadioGroup, RadioGroupItem } from '../../ui/radio-group';
import { useSettings } from './settings-context';
import { useTranslation } from 'react-i18next';

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** Each language by its own name, so a user who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<Exclude<Language, 'system'>, string> = { en: 'English', de: 'Deutsch' };

export function AppearancePanel() {
  const { settings, update } = useSettings();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="appearance-title">
      <CardTitle id="appearance-title">{t('settings.appearance.title')}</CardTitle>
      <CardDescription>{t('settings.appearance.description')}</CardDescription>
      <RadioGroup
        className="mt-4"
        aria-label={t('settings.appearance.theme')}
        disabled={!settings}
        value={settings?.theme ?? ''}
        onValueChange={(theme) => void update({ theme: theme as Theme })}
      >
        {THEMES.map((value) => (
          <label key={value} className="flex cursor-pointer items-center gap-3 text-sm">
            <RadioGroupItem value={value} id={`theme-${value}`} />
            {t(`settings.appearance.${value}`)}
          </label>
        ))}
      </RadioGroup>
      <label className="mt-4 flex items-center gap-3 text-sm">
        {t('settings.appearance.language')}
        <select
          className={cn(inputClass, 'w-56')}
          disabled={!settings}
          value={settings?.language ?? 'system'}
          onChange={(event) => void update({ language: event.target.value as Language })}
        >
          <option value="system">{t('settings.appearance.languageSystem')}</option>
          {Object.entries(LANGUAGE_NAMES).map(([value, name]) => (
            <option key={value} value={value} lang={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </Card>
  );
}
