import { FolderPlus } from 'lucide-react';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  return (
    <>
      <Input
        aria-label={t('library.path.label')}
        placeholder={t('library.path.placeholder')}
        value={folder}
        onChange={(event) => onFolder(event.target.value)}
      />
      <Button type="submit" disabled={!folder.trim()}>
        {submitLabel}
      </Button>
      <Button onClick={onBrowse}>
        <FolderPlus className="size-4" aria-hidden /> {t('library.path.browse')}
      </Button>
    </>
  );
}
