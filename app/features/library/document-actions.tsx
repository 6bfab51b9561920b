import { ExternalLink, FolderOpen } from 'lucide-react';
import { toast } from 'sonner';
import { invoke } from '../../api';
import { Button } from '../../ui/button';

/**
 * "Open file" and "Show in folder" for a file of the library. The page names the file by its
 * document id; main looks up the path, so only files the library holds can be opened.
 */
export function DocumentActions({ documentId }: { documentId: number }) {
  const open = async (channel: 'shell.openDocument' | 'shell.showDocument') => {
    const result = await invoke(channel, { documentId });
    if (!result.ok) toast.error(result.error.message);
  };
  return (
    <div className="flex gap-2">
      <Button variant="ghost" onClick={() => void open('shell.openDocument')}>
        <ExternalLink className="size-4" aria-hidden /> Open file
      </Button>
      <Button variant="ghost" onClick={() => void open('shell.showDocument')}>
        <FolderOpen className="size-4" aria-hidden /> Show in folder
      </Button>
    </div>
  );
}
