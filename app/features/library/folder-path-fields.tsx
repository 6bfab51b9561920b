import { FolderPlus } from 'lucide-react';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';

/** A folder typed or picked with the system dialog: the path box, the submit button, Browse…. */
export function FolderPathFields({
  folder,
  onFolder,
  submitLabel,
  onBrowse,
}: {
  folder: string;
  onFolder(folder: string): void;
  submitLabel: string;
  onBrowse(): void;
}) {
  return (
    <>
      <Input
        aria-label="Folder path"
        placeholder="/path/to/folder"
        value={folder}
        onChange={(event) => onFolder(event.target.value)}
      />
      <Button type="submit" disabled={!folder.trim()}>
        {submitLabel}
      </Button>
      <Button onClick={onBrowse}>
        <FolderPlus className="size-4" aria-hidden /> Browse…
      </Button>
    </>
  );
}
