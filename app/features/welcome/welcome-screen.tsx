import { useState } from 'react';
import { useLocation } from 'wouter';
import { useInvoke, useLiveValue } from '../../lib/use-invoke';
import { Button } from '../../ui/button';
import { Page } from '../../ui/page';
import { useSettings } from '../settings/settings-context';
import { FirstChatStep } from './first-chat-step';
import { FolderStep } from './folder-step';
import { MachineStep } from './machine-step';
import { ModelsStep } from './models-step';
import { useTranslation } from 'react-i18next';

/**
 * The welcome guide: from an empty install to a first cited answer. Shown on first start until it
 * is finished or skipped (the `onboardingDone` setting), and again from Settings. Its steps can be
 * taken in any order and at once: a folder indexes while the models download.
 */
export function WelcomeScreen() {
  const { t } = useTranslation();
  const { update } = useSettings();
  const [, navigate] = useLocation();
  const [catalog] = useInvoke('models.catalog', 'models.changed');
  const [models] = useInvoke('models.list', 'models.changed');
  const [collections] = useLiveValue('library.collections', 'library.changed');
  const [chosenId, setChosenId] = useState<number | null>(null);
  const list = collections.status === 'ready' ? collections.value : [];
  const chosen = list.find((collection) => collection.id === chosenId) ?? null;
  const hasChatModel = models.status === 'ready' && models.value.some((model) => model.metadata.role === 'chat');
  const finish = (to: string) => {
    void update({ onboardingDone: true });
    navigate(to);
  };
  const view = catalog.status === 'ready' ? catalog.value : null;
  return (
    <Page title={t('welcome.title')} description={t('welcome.description')}>
      <MachineStep catalog={view} />
      <ModelsStep catalog={view} />
      <FolderStep collections={list} chosen={chosen} onChosen={setChosenId} />
      <FirstChatStep collection={chosen} hasChatModel={hasChatModel} onAsked={() => finish('/chat')} />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={() => finish('/chat')}>
          {t('welcome.skip')}
        </Button>
      </div>
    </Page>
  );
}
