import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../../../electron/services/chat/chat-store';
import { markersLeftByCrashes } from '../../../../electron/services/store/in-use';
import { openStore, type DatabaseName } from '../../../../electron/services/store/store';
import type { Recovery } from '../../../../electron/services/store/db';
import { leafPages, writeGarbage } from '../../../helpers/corrupt';
import { hearth } from '../../../helpers/hearth-cli';
import { startHoldChild, type HoldChild } from '../../../helpers/hold-child-process';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let app: HoldChild | undefined;
afterEach(() => {
  app?.process.kill('SIGKILL');
  app = undefined;
});

const markers = (dataDir: string) => readdirSync(dataDir).filter((name) => name.startsWith('hearth.db.in-use'));

describe('in-use markers, one per connection', () => {
  it('a CLI command run while the app is open leaves the app’s marker, so a later crash of the app is still checked', async () => {
    const dataDir = tempDir();
    const seeded = openStore({ dataDir });
    for (let i = 0; i < 30; i++) createConversation(seeded.hearth);
    seeded.close();
    app = startHoldChild(['store', dataDir]);
    expect(await app.said).toBe('ready');
    const appsMarker = markers(dataDir);
    expect(appsMarker).toHaveLength(1);

    const cli = await hearth(['chats', 'list', '--data-dir', dataDir]);
    expect(cli.code).toBe(0);
    expect(markers(dataDir)).toEqual(appsMarker);
    // While the app runs, its marker is no evidence of a crash.
    expect(markersLeftByCrashes(join(dataDir, 'hearth.db'))).toEqual([]);

    // Then the app dies (kill -9) with a damaged index, which only the full check would see.
    const path = join(dataDir, 'hearth.db');
    app.process.kill('SIGKILL');
    await new Promise((resolve) => app!.process.once('exit', resolve));
    expect(markersLeftByCrashes(path)).toEqual([join(dataDir, appsMarker[0]!)]);
    writeGarbage(path, leafPages(path, 'conversations_recent')[0]! * 4096 - 64, 32);

    const recovered: Array<[DatabaseName, Recovery]> = [];
    const store = openStore({ dataDir, onRecovered: (database, recovery) => recovered.push([database, recovery]) });
    store.close();
    expect(recovered.map(([database]) => database)).toEqual(['hearth']);
    expect(markers(dataDir)).toEqual([]);
  });

  it('two connections in one process each remove only their own marker', () => {
    const dataDir = tempDir();
    const first = openStore({ dataDir });
    const second = openStore({ dataDir });
    expect(markers(dataDir)).toHaveLength(2);
    second.close();
    expect(markers(dataDir)).toHaveLength(1);
    first.close();
    expect(markers(dataDir)).toEqual([]);
  });
});
