import { useState } from 'react';
import type { ModelInfo, ModelSettings } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { Button } from '../../ui/button';
import { Field, Input, inputClass } from '../../ui/input';
import type { HearthErrorData } from '../../../electron/ipc/contract';
import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';

/** Text for a nullable number: empty means "automatic". */
const show = (value: number | 'auto' | null) => (value === null || value === 'auto' ? '' : String(value));
const nullable = (text: string) => (text.trim() === '' ? null : Number(text));

/** Per-model settings. Saved to hearth.db; the fit estimate is recomputed with them. */
export function ModelSettingsForm({
  model,
  models,
  onSaved,
}: {
  model: ModelInfo;
  models: readonly ModelInfo[];
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ModelSettings>(model.settings);
  const [error, setError] = useState<HearthErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ModelSettings>(key: K, value: ModelSettings[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const number = (key: 'temperature' | 'topP' | 'topK' | 'minP' | 'repeatPenalty') => ({
    type: 'number',
    step: key === 'topK' ? 1 : 0.01,
    value: String(draft[key]),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, Number(event.target.value)),
  });

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await invoke('models.setSettings', { id: model.id, patch: draft });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    onSaved();
  };

  const automatic =
    model.threads.source === 'setting'
      ? t('models.settings.automatic')
      : t(
          model.threads.source === 'benchmark'
            ? 'models.settings.automaticBenchmark'
            : 'models.settings.automaticCores',
          {
            count: model.threads.count,
          },
        );
  return (
    <form
      className="mt-4 grid grid-cols-2 gap-4 border-t border-border pt-4"
      onSubmit={(e) => void save(e)}
      aria-label={t('models.settings.label')}
    >
      <Field
        label={t('models.settings.context')}
        hint={t('models.settings.contextHint', { trained: model.metadata.contextLength })}
      >
        <Input
          type="number"
          min={128}
          value={show(draft.contextSize)}
          onChange={(e) => set('contextSize', nullable(e.target.value))}
        />
      </Field>
      <Field label={t('models.settings.gpuLayers')} hint={t('models.settings.gpuLayersHint')}>
        <Input
          type="number"
          min={0}
          value={show(draft.gpuLayers)}
          onChange={(e) => set('gpuLayers', nullable(e.target.value) ?? 'auto')}
        />
      </Field>
      <Field label={t('models.settings.threads')} hint={automatic}>
        <Input
          type="number"
          min={1}
          value={show(draft.threads)}
          onChange={(e) => set('threads', nullable(e.target.value))}
        />
      </Field>
      <Field label={t('models.settings.kvCache')} hint={t('models.settings.kvCacheHint')}>
        <select
          className={inputClass}
          value={draft.kvCacheType}
          onChange={(e) => set('kvCacheType', e.target.value as ModelSettings['kvCacheType'])}
        >
          <option value="f16">f16</option>
          <option value="q8_0">q8_0</option>
          <option value="q4_0">q4_0</option>
        </select>
      </Field>
      <Field label={t('models.settings.temperature')}>
        <Input {...number('temperature')} />
      </Field>
      <Field label={t('models.settings.topP')}>
        <Input {...number('topP')} />
      </Field>
      <Field label={t('models.settings.topK')}>
        <Input {...number('topK')} />
      </Field>
      <Field label={t('models.settings.minP')}>
        <Input {...number('minP')} />
      </Field>
      <Field label={t('models.settings.repeatPenalty')}>
        <Input {...number('repeatPenalty')} />
      </Field>
      {model.metadata.role === 'chat' && (
        <Field label={t('models.settings.draft')} hint={t('models.settings.draftHint')}>
          <select
            className={inputClass}
            value={draft.draftModelId ?? ''}
            onChange={(e) => set('draftModelId', e.target.value || null)}
          >
            <option value="">{t('models.settings.none')}</option>
            {models
              .filter((other) => other.id !== model.id && other.metadata.role === 'chat')
              .map((other) => (
                <option key={other.id} value={other.id}>
                  {other.metadata.name} ({other.metadata.quantization})
                </option>
              ))}
          </select>
        </Field>
      )}
      <label className="flex items-center gap-2 self-end text-sm">
        <input
          type="checkbox"
          checked={draft.flashAttention}
          onChange={(e) => set('flashAttention', e.target.checked)}
        />
        {t('models.settings.flashAttention')}
      </label>
      <div className="col-span-2">
        <Field label={t('models.settings.systemPrompt')}>
          <textarea
            className={inputClass}
            rows={3}
            value={draft.systemPrompt}
            onChange={(e) => set('systemPrompt', e.target.value)}
          />
        </Field>
      </div>
      {error && (
        <p role="alert" className="col-span-2 text-sm text-destructive">
          {errorText(t, error)}
        </p>
      )}
      <div className="col-span-2">
        <Button variant="primary" type="submit" disabled={saving}>
          {saving ? t('models.settings.saving') : t('models.settings.save')}
        </Button>
      </div>
    </form>
  );
}
