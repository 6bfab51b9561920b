import { FolderOpen } from 'lucide-react';
import { ComingSoon } from '../../ui/coming-soon';
import { Page } from '../../ui/page';

export function LibraryScreen() {
  return (
    <Page title="Library" description="Folders you choose, indexed on this computer only.">
      <ComingSoon
        icon={FolderOpen}
        title="Your indexed folders"
        points={[
          'Add folders of notes, PDFs, Office documents and code, and keep them in sync as files change.',
          'See every file: indexed, skipped (with the reason) or failed.',
          'Pause, resume and cancel indexing; progress survives a restart.',
        ]}
      />
    </Page>
  );
}
