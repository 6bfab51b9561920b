import { Card, CardDescription, CardTitle } from '../../ui/card';
import { inputClass } from '../../ui/input';
import { useSettings } from './settings-context';

/** How many models Hearth keeps in memory at once. */
export function ModelsPanel() {
  const { settings, update } = useSettings();
  return (
    <Card aria-labelledby="models-settings-title">
      <CardTitle id="models-settings-title">Loaded models</CardTitle>
      <CardDescription>
        How many chat (and embedding) models stay in memory at once. Loading one more unloads the one used least
        recently. More than one needs more memory.
      </CardDescription>
      <label className="mt-4 flex items-center gap-3 text-sm">
        Models per kind
        <select
          className={`${inputClass} w-20`}
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
    </Card>
  );
}
