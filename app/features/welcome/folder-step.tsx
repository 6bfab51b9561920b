import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useState } from 'react';
import type { Collection } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { reportError } from '../../lib/error-report';
import { useTask } from '../../lib/tasks';
import { Button } from '../../ui/button';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { FolderPathFields } from '../library/folder-path-fields';
import { indexRunKey, RunStatus, startIndexRun } from '../library/index-run';

/** A collection name from a folder's, unused so far ("Notes", then "Notes 2"). */
function nameFor(path: string, taken: readonly Collection[], fallback: string): string {
  const base = path.split(/[\\/]/).filter(Boolean).pop()?.trim() || fallback;
  const names = new Set(taken.map((collection) => collection.name.toLowerCase()));
  let name = base;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/**
 * Step 3: a first folder. Added as a collection named after it and indexed at once (while a
 * download runs, if one does); its progress is the Library screen's, from `library.changed`.
 */
export function FolderStep({
  collections,
  chosen,
  onChosen,
}: {
  collections: readonly Collection[];
  chosen: Collection | null;
  onChosen(collectionId: number): void;
}) {
  const [folder, setFolder] = useState('');
  const { t } = useTranslation();
  const { number } = useFormat();
  const running = useTask(chosen ? indexRunKey(chosen.id) : null);

  const add = async (path: string) => {
    const created = await invoke('library.createCollection', {
      name: nameFor(path, collections, t('welcome.folder.defaultName')),
    });
    if (!created.ok) return void reportError(created.error);
    const added = await invoke('library.addFolder', {
      collectionId: created.value.id,
      path: path.trim(),
      include: [],
      exclude: [],
      includeHidden: false,
      followLinks: false,
    });
    if (!added.ok) {
      await invoke('library.removeCollection', { collectionId: created.value.id });
      return void reportError(added.error);
    }
    setFolder('');
    onChosen(created.value.id);
    void startIndexRun(created.value);
  };
  const browse = async () => {
    const picked = await invoke('dialog.pickFolder');
    if (picked.ok && picked.value) await add(picked.value);
  };

  const indexing = chosen !== null && (running !== undefined || chosen.indexing);
  return (
    <Card aria-labelledby="folder-step-title">
      <CardTitle id="folder-step-title">{t('welcome.folder.title')}</CardTitle>
      <CardDescription>{t('welcome.folder.description')}</CardDescription>
      {chosen ? (
        <div className="mt-3 text-sm" data-testid="welcome-collection">
          <p>
            <strong translate="no">{chosen.name}</strong>:{' '}
            {indexing
              ? t('welcome.folder.indexing')
              : t(chosen.report.skipped ? 'welcome.folder.indexedSkipped' : 'welcome.folder.indexed', {
                  count: chosen.report.indexed,
                  indexed: number(chosen.report.indexed),
                  skipped: number(chosen.report.skipped),
                })}
          </p>
          {indexing && <RunStatus progress={chosen.progress} report={chosen.report} />}
        </div>
      ) : (
        <form
          className="mt-3 flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void add(folder);
          }}
        >
          <FolderPathFields
            folder={folder}
            onFolder={setFolder}
            submitLabel={t('welcome.folder.submit')}
            onBrowse={() => void browse()}
          />
        </form>
      )}
      {!chosen && collections.length > 0 && (
        <p className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
          {t('welcome.folder.existing')}
          {collections.map((collection) => (
            <Button
              key={collection.id}
              variant="ghost"
              className="px-1.5 py-0.5 text-xs"
              onClick={() => onChosen(collection.id)}
            >
              {collection.name}
            </Button>
          ))}
        </p>
      )}
    </Card>
  );
}
