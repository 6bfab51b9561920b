import type { Conversation, GenerationSettings } from '../../../electron/ipc/contract';
import { NumberInput } from '../../ui/input';
import { useTranslation } from 'react-i18next';

/**
 * A conversation's own system prompt and sampling, under a disclosure in its header. The system
 * prompt is saved when the box loses focus; numbers as they change (only values in range).
 */
export function ConversationSettings({
  conversation,
  onUpdate,
}: {
  conversation: Conversation;
  onUpdate(patch: { systemPrompt?: string; generation?: GenerationSettings }): void;
}) {
  const { t } = useTranslation();
  const generation = conversation.generation;
  return (
    <details className="relative">
      <summary className="cursor-pointer text-muted-foreground">{t('chat.settings.title')}</summary>
      <div className="absolute right-0 z-10 mt-2 flex w-80 flex-col gap-3 rounded-lg border border-border bg-card p-3 shadow-lg">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t('chat.settings.systemPrompt')}</span>
          <textarea
            key={conversation.id}
            aria-label={t('chat.settings.systemPrompt')}
            className="min-h-20 rounded-md border border-border bg-background p-2 text-sm"
            defaultValue={conversation.systemPrompt}
            onBlur={(event) => {
              if (event.target.value !== conversation.systemPrompt) onUpdate({ systemPrompt: event.target.value });
            }}
          />
        </label>
        <label className="flex items-center justify-between gap-2">
          <span>{t('chat.settings.temperature')}</span>
          <NumberInput
            aria-label={t('chat.settings.temperature')}
            step={0.1}
            min={0}
            max={2}
            value={generation.temperature ?? 0.7}
            onValue={(temperature) => onUpdate({ generation: { ...generation, temperature } })}
          />
        </label>
        <label className="flex items-center justify-between gap-2">
          <span>{t('chat.settings.maxTokens')}</span>
          <NumberInput
            aria-label={t('chat.settings.maxTokensLabel')}
            integer
            min={1}
            max={32_768}
            value={generation.maxTokens ?? 1024}
            onValue={(maxTokens) => onUpdate({ generation: { ...generation, maxTokens } })}
          />
        </label>
      </div>
    </details>
  );
}
