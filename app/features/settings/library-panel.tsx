import { Card, CardDescription, CardTitle } from '../../ui/card';
import { cn } from '../../lib/cn';
import { inputClass, NumberInput } from '../../ui/input';
import { useInvoke } from '../../lib/use-invoke';
import { useSettings } from './settings-context';
import { useTranslation } from 'react-i18next';

/** Which embedding model gives the library its vectors, and how far OCR goes. */
export function LibraryPanel() {
  const { settings, update } = useSettings();
  const { t } = useTranslation();
  const [models] = useInvoke('models.list', 'models.changed');
  const embedders = models.status === 'ready' ? models.value.filter((m) => m.metadata.role === 'embedding') : [];
  return (
    <Card aria-labelledby="library-settings-title">
      <CardTitle id="library-settings-title">{t('settings.library.title')}</CardTitle>
      <CardDescription>{t('settings.library.description')}</CardDescription>
      <label className="mt-4 flex items-center gap-3 text-sm">
        {t('settings.library.embedder')}
        <select
          className={cn(inputClass, 'w-72')}
          disabled={!settings}
          value={settings?.embeddingModel ?? ''}
          onChange={(event) => void update({ embeddingModel: event.target.value || null })}
        >
          <option value="">
            {embedders.length ? t('settings.library.firstInstalled') : t('settings.library.noneInstalled')}
          </option>
          {embedders.map((model) => (
            <option key={model.id} value={model.id}>
              {model.metadata.name}
            </option>
          ))}
        </select>
      </label>
      <label className="mt-4 flex items-center gap-3 text-sm">
        <input
          type="checkbox"
          disabled={!settings}
          checked={settings?.ocrEnabled ?? true}
          onChange={(event) => void update({ ocrEnabled: event.target.checked })}
        />
        {t('settings.library.ocrBefore')}
        <NumberInput
          min={1}
          max={2000}
          integer
          aria-label={t('settings.library.ocrPages')}
          disabled={!settings || !settings.ocrEnabled}
          value={settings?.ocrMaxPages ?? 20}
          onValue={(value) => void update({ ocrMaxPages: value })}
        />
        {t('settings.library.ocrAfter')}
      </label>
    </Card>
  );
}
