import { useLiveValue } from '../../lib/use-invoke';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { useSettings } from './settings-context';

/** Privacy is the product: the one switch that makes Hearth refuse the network entirely. */
export function PrivacyPanel() {
  const { settings, update } = useSettings();
  return (
    <Card aria-labelledby="privacy-title">
      <CardTitle id="privacy-title">Privacy</CardTitle>
      <CardDescription>
        Hearth sends nothing anywhere: no telemetry, no analytics. The only network use is a model download you start,
        and every request is listed below.
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
      <NetworkActivity />
    </Card>
  );
}

/** Every request Hearth made since it started: when, what for, where, and how it went. */
function NetworkActivity() {
  const [requests] = useLiveValue('app.network', 'network.changed');
  const list = requests.status === 'ready' ? requests.value : [];
  return (
    <section className="mt-5" aria-labelledby="network-title">
      <h3 id="network-title" className="text-sm font-medium">
        Network activity since Hearth started
      </h3>
      {list.length === 0 ? (
        <p className="mt-1 text-sm text-muted-foreground" data-testid="network-empty">
          No request: nothing has left this computer.
        </p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1 font-mono text-xs" aria-label="Network requests">
          {list.map((request) => (
            <li key={request.id} data-testid="network-request" className="flex flex-wrap gap-x-3">
              <span className="text-muted-foreground">{new Date(request.at).toLocaleTimeString()}</span>
              <span>{request.purpose}</span>
              <span className="break-all">
                {request.method} {request.host}
                {request.path}
              </span>
              <span className={request.status !== null && request.status < 400 ? '' : 'text-destructive'}>
                {request.status ?? request.error ?? '…'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
