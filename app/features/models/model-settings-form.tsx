import { useState } from 'react';
import type { ModelInfo, ModelSettings } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { Button } from '../../ui/button';
import { Field, Input, inputClass } from '../../ui/input';

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
  const [draft, setDraft] = useState<ModelSettings>(model.settings);
  const [error, setError] = useState<string | null>(null);
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
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onSaved();
  };

  const automatic =
    model.threads.source === 'setting'
      ? 'Empty: automatic.'
      : `Empty: automatic (${model.threads.count}, ${model.threads.source === 'benchmark' ? 'fastest in your benchmark' : 'one per physical core'}).`;
  return (
    <form
      className="mt-4 grid grid-cols-2 gap-4 border-t border-border pt-4"
      onSubmit={(e) => void save(e)}
      aria-label="Model settings"
    >
      <Field
        label="Context size"
        hint={`Tokens. Empty: automatic (trained ${model.metadata.contextLength}, up to 4096).`}
      >
        <Input
          type="number"
          min={128}
          value={show(draft.contextSize)}
          onChange={(e) => set('contextSize', nullable(e.target.value))}
        />
      </Field>
      <Field label="GPU layers" hint="Empty: automatic, from the fit estimate.">
        <Input
          type="number"
          min={0}
          value={show(draft.gpuLayers)}
          onChange={(e) => set('gpuLayers', nullable(e.target.value) ?? 'auto')}
        />
      </Field>
      <Field label="Threads" hint={automatic}>
        <Input
          type="number"
          min={1}
          value={show(draft.threads)}
          onChange={(e) => set('threads', nullable(e.target.value))}
        />
      </Field>
      <Field label="KV cache type" hint="Lower precision uses less memory.">
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
      <Field label="Temperature">
        <Input {...number('temperature')} />
      </Field>
      <Field label="Top-p">
        <Input {...number('topP')} />
      </Field>
      <Field label="Top-k">
        <Input {...number('topK')} />
      </Field>
      <Field label="Min-p">
        <Input {...number('minP')} />
      </Field>
      <Field label="Repeat penalty">
        <Input {...number('repeatPenalty')} />
      </Field>
      {model.metadata.role === 'chat' && (
        <Field
          label="Draft model"
          hint="A smaller model of the same family guesses tokens ahead; answers stay the same. None: grounded answers guess from their sources instead."
        >
          <select
            className={inputClass}
            value={draft.draftModelId ?? ''}
            onChange={(e) => set('draftModelId', e.target.value || null)}
          >
            <option value="">None</option>
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
        Flash attention
      </label>
      <div className="col-span-2">
        <Field label="System prompt">
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
          {error}
        </p>
      )}
      <div className="col-span-2">
        <Button variant="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
