import type { Conversation, GenerationSettings } from '../../../electron/ipc/contract';
import { NumberInput } from '../../ui/input';

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
  const generation = conversation.generation;
  return (
    <details className="relative">
      <summary className="cursor-pointer text-muted-foreground">Chat settings</summary>
      <div className="absolute right-0 z-10 mt-2 flex w-80 flex-col gap-3 rounded-lg border border-border bg-card p-3 shadow-lg">
        <label className="flex flex-col gap-1">
          <span className="font-medium">System prompt</span>
          <textarea
            key={conversation.id}
            aria-label="System prompt"
            className="min-h-20 rounded-md border border-border bg-background p-2 text-sm"
            defaultValue={conversation.systemPrompt}
            onBlur={(event) => {
              if (event.target.value !== conversation.systemPrompt) onUpdate({ systemPrompt: event.target.value });
            }}
          />
        </label>
        <label className="flex items-center justify-between gap-2">
          <span>Temperature</span>
          <NumberInput
            aria-label="Temperature"
            step={0.1}
            min={0}
            max={2}
            value={generation.temperature ?? 0.7}
            onValue={(temperature) => onUpdate({ generation: { ...generation, temperature } })}
          />
        </label>
        <label className="flex items-center justify-between gap-2">
          <span>Longest answer (tokens)</span>
          <NumberInput
            aria-label="Longest answer"
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
