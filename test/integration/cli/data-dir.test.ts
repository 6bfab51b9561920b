import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hearth } from '../../helpers/hearth-cli';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('the CLI’s data folder', () => {
  it('creates a new library only at the app’s own place, or where --init asks', async () => {
    const home = tempDir();
    // The app's own place (XDG_CONFIG_HOME/hearth here) is made on first use, as the app would.
    const own = await hearth(['library', 'status', '--json'], { XDG_CONFIG_HOME: home });
    expect(own.code, own.stderr).toBe(0);
    expect(statSync(join(home, 'hearth')).isDirectory()).toBe(true);

    // A mistyped --data-dir is not a new, empty library.
    const typo = join(tempDir(), 'hearht');
    const refused = await hearth(['library', 'status', '--data-dir', typo]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/does not exist.*--init/);
    expect(existsSync(typo)).toBe(false);

    const wanted = join(tempDir(), 'new', 'library');
    const created = await hearth(['library', 'status', '--init', '--data-dir', wanted]);
    expect(created.code, created.stderr).toBe(0);
    expect(statSync(wanted).mode & 0o777).toBe(0o700);
  });
});
