import { FileInput } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { invoke } from '../../api';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { Input } from '../../ui/input';
import { RadioGroup, RadioGroupItem } from '../../ui/radio-group';

type Mode = 'copy' | 'reference';

/** Import any GGUF: pick it (or paste its path), choose copy or use-in-place, and import. */
export function ImportPanel() {
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<Mode>('copy');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const browse = async () => {
    const result = await invoke('dialog.pickModelFile');
    if (result.ok && result.value) setPath(result.value);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await invoke('models.import', { path: path.trim(), mode });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPath('');
    toast.success(`Imported ${result.value.metadata.name}.`);
  };

  return (
    <Card aria-labelledby="import-title">
      <CardTitle id="import-title">Import a model</CardTitle>
      <CardDescription>Any GGUF file. It is checked before it is used; a damaged file is refused.</CardDescription>
      <form className="mt-4 flex flex-col gap-3" onSubmit={(event) => void submit(event)}>
        <div className="flex gap-2">
          <Input
            aria-label="Model file path"
            placeholder="/path/to/model.gguf"
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
          <Button onClick={() => void browse()}>
            <FileInput className="size-4" aria-hidden />
            Browse…
          </Button>
        </div>
        <RadioGroup
          aria-label="Import mode"
          value={mode}
          onValueChange={(value) => setMode(value as Mode)}
          className="flex gap-6"
        >
          <label className="flex items-center gap-2 text-sm">
            <RadioGroupItem value="copy" /> Copy into Hearth
          </label>
          <label className="flex items-center gap-2 text-sm">
            <RadioGroupItem value="reference" /> Use it where it is
          </label>
        </RadioGroup>
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
        <div>
          <Button variant="primary" type="submit" disabled={busy || path.trim() === ''}>
            {busy ? 'Checking…' : 'Import'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
