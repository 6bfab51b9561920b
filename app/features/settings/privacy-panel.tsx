import { Card, CardDescription, CardTitle } from '../../ui/card';
import { useSettings } from './settings-context';

/** Privacy is the product: the one switch that makes Hearth refuse the network entirely. */
export function PrivacyPanel() {
  const { settings, update } = useSettings();
  return (
    <Card aria-labelledby="privacy-title">
      <CardTitle id="privacy-title">Privacy</CardTitle>
      <CardDescription>
        Hearth sends nothing anywhere: no telemetry, no analytics. The only network use is a model download you start.
      </CardDescription>
      <label className="mt-4 flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          disabled={!settings}
          checked={settings?.airGap ?? false}
          onChange={(event) => void update({ airGap: event.target.checked })}
        />
        <span>
          <span className="font-medium">Air-gap mode</span>
          <span className="block text-muted-foreground">Refuse every network request, model downloads included.</span>
        </span>
      </label>
    </Card>
  );
}
