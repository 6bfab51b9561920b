import { MessageSquare } from 'lucide-react';
import { ComingSoon } from '../../ui/coming-soon';
import { Page } from '../../ui/page';

export function ChatScreen() {
  return (
    <Page title="Chat" description="Ask questions about your own files. Answers cite the passages they come from.">
      <ComingSoon
        icon={MessageSquare}
        title="Chats over your documents"
        points={[
          'Stream answers from a local model, with stop, regenerate and edit that branches instead of erasing.',
          'Open each citation at its file, page and passage.',
          'Search and export your chats to Markdown.',
        ]}
      />
    </Page>
  );
}
