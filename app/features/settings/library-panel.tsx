import { Card, CardDescription, CardTitle } from '../../ui/card';
import { cn } from '../../lib/cn';
import { inputClass, NumberInput } from '../../ui/input';
import { useInvoke } from '../../lib/use-invoke';
import { useSettings } from './settings-context';

/** Which embedding model gives the library its vectors, and how far OCR goes. */
export function LibraryPanel() {
  const { settings, update } = useSettings();
  const [models] = useInvoke('models.list', 'models.changed');
  const embedders = models.status === 'ready' ? models.value.filter((m) => m.metadata.role === 'embedding') : [];
  return (
    <Card aria-labelledby="library-settings-title">
      <CardTitle id="library-settings-title">Library</CardTitle>
      <CardDescription>
        The embedding model turns passages into vectors for searching by meaning. Choosing another one re-embeds your
        collections in the background; searches use the old vectors until the new ones are complete. OCR reads scanned
        PDFs and pictures on this computer.
      </CardDescription>
      <label className="mt-4 flex items-center gap-3 text-sm">
        Embedding model
        <select
          className={cn(inputClass, 'w-72')}
          disabled={!settings}
          value={settings?.embeddingModel ?? ''}
          onChange={(event) => void update({ embeddingModel: event.target.value || null })}
        >
          <option value="">{embedders.length ? 'The first one installed' : 'None installed (text search only)'}</option>
          {embedders.map((model) => (
            <option key={model.id} value={model.id}>
              {model.metadata.name}
            </option>
          ))}
        </select>
      </label>
      <label className="mt-4 flex items-center gap-3 text-sm">
        <input
          type="checkbox"
          disabled={!settings}
          checked={settings?.ocrEnabled ?? true}
          onChange={(event) => void update({ ocrEnabled: event.target.checked })}
        />
        Read scanned PDFs and pictures with OCR, up to
        <NumberInput
          min={1}
          max={2000}
          integer
          aria-label="Most pages OCR reads in one scanned PDF"
          disabled={!settings || !settings.ocrEnabled}
          value={settings?.ocrMaxPages ?? 20}
          onValue={(value) => void update({ ocrMaxPages: value })}
        />
        pages a file
      </label>
    </Card>
  );
}
