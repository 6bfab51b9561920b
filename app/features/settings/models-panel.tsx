import { Card, CardDescription, CardTitle } from '../../ui/card';
import { cn } from '../../lib/cn';
import { inputClass, NumberInput } from '../../ui/input';
import { useSettings } from './settings-context';

/** How many models Hearth keeps in memory at once, and how fast a recommended model must be. */
export function ModelsPanel() {
  const { settings, update } = useSettings();
  return (
    <Card aria-labelledby="models-settings-title">
      <CardTitle id="models-settings-title">Models</CardTitle>
      <CardDescription>
        How many chat (and embedding) models stay in memory at once: loading one more unloads the one used least
        recently, and more than one needs more memory. And the speed a chat model must be predicted to reach here to be
        recommended: about 10 tokens per second reads as fast as most people do.
      </CardDescription>
      <label className="mt-4 flex items-center gap-3 text-sm">
        Models per kind
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
        Recommend chat models that reach
        <NumberInput
          min={1}
          max={200}
          aria-label="Target speed in tokens per second"
          disabled={!settings}
          value={settings?.targetTokensPerSecond ?? 10}
          onValue={(value) => void update({ targetTokensPerSecond: value })}
        />
        tokens per second on this computer
      </label>
    </Card>
  );
}
