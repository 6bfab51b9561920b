import { ExternalLink, FolderOpen } from 'lucide-react';
import { useState } from 'react';
import type { DocumentView } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { Button } from '../../ui/button';
import { DocumentViewer } from './document-viewer';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';

/**
 * "Open file" and "Show in folder" for a file of the library. The page names the file by its
 * document id; main looks up the path, checks it is the file indexed, and decides how to open it:
 * a document in the system's viewer, text in Hearth's own (shown here), never as a program.
 */
export function DocumentActions({ documentId, lines }: { documentId: number; lines?: { start: number; end: number } }) {
  const [view, setView] = useState<DocumentView | null>(null);
  const { t } = useTranslation();
  const open = async () => {
    const result = await invoke('shell.openDocument', { documentId });
    if (!result.ok) reportError(result.error);
    else if (result.value.opened === 'viewer') setView(result.value.view);
  };
  const show = async () => {
    const result = await invoke('shell.showDocument', { documentId });
    if (!result.ok) reportError(result.error);
  };
  return (
    <div className="flex gap-2">
      <Button variant="ghost" onClick={() => void open()}>
        <ExternalLink className="size-4" aria-hidden /> {t('library.doc.open')}
      </Button>
      <Button variant="ghost" onClick={() => void show()}>
        <FolderOpen className="size-4" aria-hidden /> {t('library.doc.show')}
      </Button>
      {view && <DocumentViewer view={view} lines={lines} onClose={() => setView(null)} />}
    </div>
  );
}
