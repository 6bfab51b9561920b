import { Copy, RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { invoke } from '../../api';
import { cn } from '../../lib/cn';
import { useInvoke } from '../../lib/use-invoke';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { inputClass, NumberInput } from '../../ui/input';
import { useSettings } from './settings-context';
import { reportError } from '../../lib/error-report';

/**
 * The OpenAI-compatible local API: the switch, the port, the key (shown on demand, copied,
 * replaced), the browser origins allowed to call it, and the requests it served.
 */
export function LocalApiPanel() {
  const { settings, update } = useSettings();
  const [state] = useInvoke('api.state', 'api.changed');
  const [log, reloadLog] = useInvoke('api.log', 'api.changed');
  const [key, setKey] = useState<string | null>(null);
  const [showKey, setShowKey] = useState(false);
  const [origins, setOrigins] = useState<string | null>(null);

  useEffect(() => {
    void invoke('api.key').then((result) => result.ok && setKey(result.value.key));
  }, []);

  const regenerate = async () => {
    const result = await invoke('api.regenerateKey');
    if (!result.ok) return void reportError(result.error);
    setKey(result.value.key);
    toast.success('A new key is in use. Programs using the old one must be given this one.');
  };
  const copy = () =>
    key &&
    navigator.clipboard.writeText(key).then(
      () => toast.success('API key copied.'),
      () => toast.error('Could not copy the key.'),
    );
  const saveOrigins = async () => {
    if (origins === null) return;
    const list = origins
      .split(/\s+/)
      .map((origin) => origin.trim())
      .filter(Boolean);
    if (await update({ apiAllowedOrigins: list })) setOrigins(null);
  };

  const running = state.status === 'ready' ? state.value : null;
  return (
    <Card aria-labelledby="local-api-title">
      <CardTitle id="local-api-title">Local API</CardTitle>
      <CardDescription>
        An OpenAI-compatible server for other programs on this computer (chat completions, embeddings, and answers from
        your collections). It listens on 127.0.0.1 only and needs the key below.
      </CardDescription>
      <label className="mt-4 flex items-center gap-3 text-sm">
        <input
          type="checkbox"
          disabled={!settings}
          checked={settings?.apiServerEnabled ?? false}
          onChange={(event) => void update({ apiServerEnabled: event.target.checked })}
        />
        <span className="font-medium">Run the local API</span>
      </label>
      <label className="mt-3 flex items-center gap-3 text-sm">
        Port
        <NumberInput
          integer
          min={1024}
          max={65535}
          aria-label="Local API port"
          className="w-24"
          disabled={!settings}
          value={settings?.apiServerPort ?? 4891}
          onValue={(value) => void update({ apiServerPort: value })}
        />
      </label>
      <p className="mt-3 text-sm" data-testid="api-status">
        {running?.running ? (
          <>
            Listening on <code className="rounded bg-muted px-1">{running.url}</code>
          </>
        ) : running?.error ? (
          <span className="text-destructive">{running.error}</span>
        ) : (
          <span className="text-muted-foreground">Off.</span>
        )}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span>API key</span>
        <code className="rounded bg-muted px-2 py-1 font-mono text-xs break-all" data-testid="api-key">
          {key ? (showKey ? key : `${key.slice(0, 8)}${'•'.repeat(16)}`) : '…'}
        </code>
        <Button variant="ghost" onClick={() => setShowKey((shown) => !shown)}>
          {showKey ? 'Hide' : 'Show'}
        </Button>
        <Button variant="ghost" onClick={() => void copy()} aria-label="Copy API key">
          <Copy className="size-3.5" aria-hidden /> Copy
        </Button>
        <Button variant="ghost" onClick={() => void regenerate()}>
          <RefreshCw className="size-3.5" aria-hidden /> New key
        </Button>
      </div>
      <label className="mt-3 flex flex-col gap-1 text-sm">
        Web pages allowed to call it (one origin per line, such as http://localhost:3000; none by default)
        <textarea
          className={cn(inputClass, 'font-mono text-xs')}
          rows={2}
          aria-label="Allowed origins"
          disabled={!settings}
          value={origins ?? settings?.apiAllowedOrigins.join('\n') ?? ''}
          onChange={(event) => setOrigins(event.target.value)}
          onBlur={() => void saveOrigins()}
        />
      </label>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">Requests served (no prompt or answer text is kept)</summary>
        <Button variant="ghost" className="mt-1" onClick={reloadLog}>
          Refresh
        </Button>
        {log.status === 'ready' && log.value.length === 0 && <p className="text-muted-foreground">None yet.</p>}
        {log.status === 'ready' && log.value.length > 0 && (
          <table className="mt-1 w-full text-xs" data-testid="api-log">
            <thead className="text-left text-muted-foreground">
              <tr>
                <th>Time</th>
                <th>Request</th>
                <th>Status</th>
                <th>Tokens in / out</th>
                <th>ms</th>
              </tr>
            </thead>
            <tbody>
              {log.value.slice(0, 50).map((entry, i) => (
                <tr key={`${entry.time}-${i}`}>
                  <td>{new Date(entry.time).toLocaleTimeString()}</td>
                  <td className="font-mono">
                    {entry.method} {entry.route}
                  </td>
                  <td>{entry.status}</td>
                  <td>
                    {entry.promptTokens ?? '–'} / {entry.completionTokens ?? '–'}
                  </td>
                  <td>{entry.ms}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </Card>
  );
}
