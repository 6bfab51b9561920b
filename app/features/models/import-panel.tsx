import { FileInput } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { invoke } from '../../api';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { Input } from '../../ui/input';
import { RadioGroup, RadioGroupItem } from '../../ui/radio-group';
import type { HearthErrorData } from '../../../electron/ipc/contract';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/i18n';
import { useTranslation } from 'react-i18next';

type Mode = 'copy' | 'reference';

/** Import any GGUF: pick it (or paste its path), choose copy or use-in-place, and import. */
export function ImportPanel() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<Mode>('copy');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HearthErrorData | null>(null);

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
    if (!result.ok) return setError(result.error);
    setPath('');
    toast.success(i18n.t('models.import.done', { name: result.value.metadata.name }));
  };

  return (
    <Card aria-labelledby="import-title">
      <CardTitle id="import-title">{t('models.import.title')}</CardTitle>
      <CardDescription>{t('models.import.description')}</CardDescription>
      <form className="mt-4 flex flex-col gap-3" onSubmit={(event) => void submit(event)}>
        <div className="flex gap-2">
          <Input
            aria-label={t('models.import.path')}
            placeholder={t('models.import.placeholder')}
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
          <Button onClick={() => void browse()}>
            <FileInput className="size-4" aria-hidden />
            {t('library.path.browse')}
          </Button>
        </div>
        <RadioGroup
          aria-label={t('models.import.mode')}
          value={mode}
          onValueChange={(value) => setMode(value as Mode)}
          className="flex gap-6"
        >
          <label className="flex items-center gap-2 text-sm">
            <RadioGroupItem value="copy" /> {t('models.import.copy')}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <RadioGroupItem value="reference" /> {t('models.import.reference')}
          </label>
        </RadioGroup>
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {errorText(t, error)}
          </p>
        )}
        <div>
          <Button variant="primary" type="submit" disabled={busy || path.trim() === ''}>
            {busy ? t('models.import.checking') : t('models.import.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
