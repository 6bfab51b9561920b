import { useEffect, useState } from 'react';
import type { SlowDocument } from '../../../electron/ipc/contract';
import { useTranslation } from 'react-i18next';
import { formatFileName } from '../../../electron/ipc/format';
import { useFormat } from '../../i18n/format';
import { invoke } from '../../api';

const SHOWN = 5;

/**
 * The files of a collection that took longest to read, and where the time went (the reader, the
 * disk, chunking): which file slows indexing down, and why. Shown once files have been read.
 */
export function SlowestFiles({ collectionId, version }: { collectionId: number; version: number }) {
  const [files, setFiles] = useState<SlowDocument[]>([]);
  const { t } = useTranslation();
  const { duration } = useFormat();
  useEffect(() => {
    let live = true;
    void invoke('library.slowest', { collectionId, limit: SHOWN }).then((result) => {
      if (live && result.ok) setFiles(result.value);
    });
    return () => {
      live = false;
    };
  }, [collectionId, version]);
  if (!files.length) return null;
  return (
    <details className="mt-3 text-xs">
      <summary className="cursor-pointer text-muted-foreground">{t('library.slow.title')}</summary>
      <ol className="mt-1 space-y-0.5" aria-label={t('library.slow.label')}>
        {files.map((file) => (
          <li key={file.path} className="flex gap-2">
            <span className="w-16 shrink-0 text-right tabular-nums">{duration(file.readMs)}</span>
            <span className="break-all" translate="no">
              {formatFileName(file.path.split(/[\\/]/).slice(-2).join('/'))}
            </span>
            <span className="shrink-0 text-muted-foreground">
              {t('library.slow.stage', { type: file.type, stage: t(`library.slow.${file.slowestStage}`) })}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
