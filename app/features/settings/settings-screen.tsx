import { Page } from '../../ui/page';
import { AboutPanel } from './about-panel';
import { AppearancePanel } from './appearance-panel';
import { LibraryPanel } from './library-panel';
import { LocalApiPanel } from './local-api-panel';
import { ModelsPanel } from './models-panel';
import { PrivacyPanel } from './privacy-panel';
import { useTranslation } from 'react-i18next';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <Page title={t('settings.title')}>
      <AppearancePanel />
      <PrivacyPanel />
      <ModelsPanel />
      <LibraryPanel />
      <LocalApiPanel />
      <AboutPanel />
    </Page>
  );
}
