import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGarbage } from '../../helpers/corrupt';
import { startServices } from '../../helpers/services';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('createServices with a corrupted hearth.db', () => {
  it('starts, keeps the old file beside it with a timestamped name, and reports it', async () => {
    const dir = tempDir();
    const first = startServices(dir);
    first.services.settings.set({ theme: 'dark' });
    await first.services.dispose();
    writeGarbage(join(dir, 'hearth.db'), 0, 4096);
    const damaged = readFileSync(join(dir, 'hearth.db'));

    const { services, events } = startServices(dir);

    const kept = readdirSync(dir).filter((name) => /^hearth\.db\.corrupt-\d{8}T\d{6}Z$/.test(name));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!)).equals(damaged)).toBe(true);
    expect(events).toEqual([
      {
        channel: 'store.recovered',
        payload: expect.objectContaining({ database: 'hearth', movedTo: join(dir, kept[0]!) }),
      },
    ]);
    expect(services.notices.list()).toEqual([
      expect.objectContaining({ kind: 'store.recovered', data: events[0]!.payload }),
    ]);
    // The fresh database works: defaults, and new writes stick.
    expect(services.settings.get().theme).toBe('system');
    services.settings.set({ theme: 'light' });
    expect(services.settings.get().theme).toBe('light');
    expect(existsSync(join(dir, 'library.db'))).toBe(true);
    await services.dispose();
  });
});
