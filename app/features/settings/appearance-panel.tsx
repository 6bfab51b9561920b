import type { Theme } from '../../../electron/ipc/contract';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { RadioGroup, RadioGroupItem } from '../../ui/radio-group';
import { useSettings } from './settings-context';

const THEMES: Array<{ value: Theme; label: string }> = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearancePanel() {
  const { settings, update } = useSettings();
  return (
    <Card aria-labelledby="appearance-title">
      <CardTitle id="appearance-title">Appearance</CardTitle>
      <CardDescription>Theme of the Hearth window.</CardDescription>
      <RadioGroup
        className="mt-4"
        aria-label="Theme"
        disabled={!settings}
        value={settings?.theme ?? ''}
        onValueChange={(theme) => void update({ theme: theme as Theme })}
      >
        {THEMES.map(({ value, label }) => (
          <label key={value} className="flex cursor-pointer items-center gap-3 text-sm">
            <RadioGroupItem value={value} id={`theme-${value}`} />
            {label}
          </label>
        ))}
      </RadioGroup>
    </Card>
  );
}
