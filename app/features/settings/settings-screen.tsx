import { Page } from '../../ui/page';
import { AboutPanel } from './about-panel';
import { AppearancePanel } from './appearance-panel';

export function SettingsScreen() {
  return (
    <Page title="Settings">
      <AppearancePanel />
      <AboutPanel />
    </Page>
  );
}
