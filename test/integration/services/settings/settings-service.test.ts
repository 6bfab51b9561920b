import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../electron/services/settings/settings-service';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();

describe('SettingsService', () => {
  it('starts from the defaults', async () => {
    const { services } = startServices(tempDir());
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    await services.dispose();
  });

  it('persists a change across a restart and broadcasts it', async () => {
    const dir = tempDir();
    const first = startServices(dir);
    expect(first.services.settings.set({ theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(first.events).toEqual([
      {
        channel: 'settings.changed',
        payload: { ...DEFAULT_SETTINGS, theme: 'dark' },
      },
    ]);
    await first.services.dispose();

    const second = startServices(dir);
    expect(second.services.settings.get().theme).toBe('dark');
    await second.services.dispose();
  });

  it('falls back to the default for a stored value that no longer fits the schema', async () => {
    const { services } = startServices(tempDir());
    services.store.hearth
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', '\"sepia\"', 0)")
      .run();
    services.store.hearth.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('gone', '1', 0)").run();
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    await services.dispose();
  });
});
