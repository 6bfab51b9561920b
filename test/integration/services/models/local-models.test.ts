import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { fakeOtherApps } from '../../../helpers/other-apps';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('models other apps downloaded', () => {
  it('finds them in LM Studio, Jan, GPT4All and Ollama folders, each once, checked, and imports them in place', async () => {
    const home = tempDir();
    const placed = fakeOtherApps(home);
    services = startServices(join(tempDir(), 'data'), {
      localModels: { context: { home, platform: 'linux', env: {} } },
    }).services;

    const found = await services.localModels.find();
    const summary = found.map(({ app, name, metadata, problem }) => ({
      app,
      name,
      role: metadata?.role ?? null,
      problem: problem !== null,
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { app: 'LM Studio', name: 'tiny-chat-Q8_0.gguf', role: 'chat', problem: false },
        { app: 'LM Studio', name: 'broken.gguf', role: null, problem: true },
        { app: 'Jan', name: 'tiny-embedding.gguf', role: 'embedding', problem: false },
        { app: 'Ollama', name: 'tinychat:1b', role: 'chat', problem: false },
      ]),
    );
    // The file linked from GPT4All is LM Studio's, listed once; a later split part is not a model;
    // the folder linked into itself ends; a bad manifest is passed over.
    expect(found).toHaveLength(4);
    expect(found.find((model) => model.name === 'broken.gguf')!.problem?.message).toMatch(/GGUF/);
    expect(found.every((model) => model.installedId === null)).toBe(true);

    // Imported where it is (an Ollama blob has no .gguf name: its bytes say what it is).
    const imported = await services.models.import(placed.ollamaBlob, 'reference');
    expect(imported.path).toBe(placed.ollamaBlob);
    const again = await services.localModels.find();
    expect(again.find((model) => model.app === 'Ollama')!.installedId).toBe(imported.id);
  });

  it('finds nothing, quietly, in a home where no other app was installed', async () => {
    services = startServices(join(tempDir(), 'data'), {
      localModels: { context: { home: tempDir(), platform: 'linux', env: {} } },
    }).services;
    expect(await services.localModels.find()).toEqual([]);
  });

  it('refuses a file that is neither named .gguf nor a GGUF inside', async () => {
    services = startServices(join(tempDir(), 'data')).services;
    const { writeFileSync } = await import('node:fs');
    const path = join(tempDir(), 'sha256-0123');
    writeFileSync(path, 'not a model at all');
    await expect(services.models.import(path, 'reference')).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });
});
