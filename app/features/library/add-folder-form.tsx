import type { TFunction } from 'i18next';
import { SlidersHorizontal } from 'lucide-react';
import { useState } from 'react';
import type { FolderSource } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { Button } from '../../ui/button';
import { FolderPathFields } from './folder-path-fields';
import { Input } from '../../ui/input';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';

/** "*.md, notes/" → ["*.md", "notes/"]: patterns typed on one line, separated by commas. */
const patterns = (text: string) =>
  text
    .split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean);

/** "only *.md · not drafts/ · hidden files too": a folder's rules in a few words, or nothing. */
export function describeRules(source: FolderSource, t: TFunction): string {
  return [
    source.include.length ? t('library.rules.only', { patterns: source.include.join(', ') }) : '',
    source.exclude.length ? t('library.rules.not', { patterns: source.exclude.join(', ') }) : '',
    source.includeHidden ? t('library.rules.hidden') : '',
    source.followLinks ? t('library.rules.links') : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Adds a folder, typed or picked with the system dialog, with optional rules: which files only
 * (include), which not (exclude), whether hidden files count, and whether links that lead out of
 * the folder are followed (off by default: a link to ~/.ssh in a notes folder is not read).
 */
export function AddFolderForm({ collectionId, onAdded }: { collectionId: number; onAdded(): void }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [showRules, setShowRules] = useState(false);
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('');
  const [includeHidden, setIncludeHidden] = useState(false);
  const [followLinks, setFollowLinks] = useState(false);

  const add = async (path: string) => {
    const result = await invoke('library.addFolder', {
      collectionId,
      path: path.trim(),
      include: patterns(include),
      exclude: patterns(exclude),
      includeHidden,
      followLinks,
    });
    if (!result.ok) return void reportError(result.error);
    setFolder('');
    onAdded();
  };
  const browse = async () => {
    const picked = await invoke('dialog.pickFolder');
    if (picked.ok && picked.value) await add(picked.value);
  };

  return (
    <form
      className="mt-4"
      onSubmit={(event) => {
        event.preventDefault();
        void add(folder);
      }}
    >
      <div className="flex gap-2">
        <FolderPathFields
          folder={folder}
          onFolder={setFolder}
          submitLabel={t('library.add.submit')}
          onBrowse={() => void browse()}
        />
        <Button variant="ghost" aria-expanded={showRules} onClick={() => setShowRules(!showRules)}>
          <SlidersHorizontal className="size-4" aria-hidden /> {t('library.add.rules')}
        </Button>
      </div>
      {showRules && (
        <div className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          <Input
            aria-label={t('library.add.include')}
            placeholder={t('library.add.includePlaceholder')}
            value={include}
            onChange={(event) => setInclude(event.target.value)}
          />
          <Input
            aria-label={t('library.add.exclude')}
            placeholder={t('library.add.excludePlaceholder')}
            value={exclude}
            onChange={(event) => setExclude(event.target.value)}
          />
          <label className="flex items-center gap-2 text-muted-foreground">
            <input
              type="checkbox"
              checked={includeHidden}
              onChange={(event) => setIncludeHidden(event.target.checked)}
            />
            {t('library.add.hidden')}
          </label>
          <label className="flex items-center gap-2 text-muted-foreground">
            <input type="checkbox" checked={followLinks} onChange={(event) => setFollowLinks(event.target.checked)} />
            {t('library.add.links')}
          </label>
        </div>
      )}
    </form>
  );
}
