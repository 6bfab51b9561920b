import { FileInput, FolderPlus } from 'lucide-react';
import { Link } from 'wouter';
import { useInvoke, useLiveValue } from '../../lib/use-invoke';
import { RecommendedDownload } from '../models/recommended-download';
import { useTranslation } from 'react-i18next';

const linkClass = 'inline-flex items-center gap-1 font-medium underline underline-offset-2';

/**
 * What Chat needs before it can answer from the user's files, each with the button that gives it:
 * a chat model (the one recommended for this machine, downloaded from here, or an import), and a
 * folder. Nothing when both are there.
 */
export function ChatNextSteps() {
  const [models] = useInvoke('models.list', 'models.changed');
  const [collections] = useLiveValue('library.collections', 'library.changed');
  const noModel = models.status === 'ready' && !models.value.some((model) => model.metadata.role === 'chat');
  const noFolder = collections.status === 'ready' && collections.value.length === 0;
  const { t } = useTranslation();
  if (!noModel && !noFolder) return null;
  return (
    <div className="border-b border-border bg-muted/60 px-4 py-3 text-sm" data-testid="chat-next-steps">
      {noModel && <NoChatModel />}
      {noFolder && (
        <p className={noModel ? 'mt-3' : undefined}>
          {t('chat.next.noFolder')}{' '}
          <Link href="/library" className={linkClass}>
            <FolderPlus className="size-3.5" aria-hidden /> {t('chat.next.addFolder')}
          </Link>
        </p>
      )}
    </div>
  );
}

/** The chat model recommended here, to download in place, or an import: the catalog is read only then. */
function NoChatModel() {
  const { t } = useTranslation();
  const [catalog] = useInvoke('models.catalog', 'models.changed');
  const view = catalog.status === 'ready' ? catalog.value : null;
  const recommended = view?.models.find((entry) => entry.id === view.recommended.chat);
  return (
    <div>
      <p className="font-medium">{t('chat.next.noModel')}</p>
      {recommended && (
        <ul className="max-w-2xl" aria-label={t('chat.next.recommended')}>
          <RecommendedDownload entry={recommended} />
        </ul>
      )}
      <Link href="/models" className={linkClass}>
        <FileInput className="size-3.5" aria-hidden /> {t('chat.next.import')}
      </Link>
    </div>
  );
}
