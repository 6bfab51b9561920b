import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { knownArchitectures } from '../../../../electron/services/models/gguf/known-architectures';
import { validateGgufParts } from '../../../../electron/services/models/gguf/validate-parts';
import { checkVocabularyLoads, ModelProbe } from '../../../../electron/services/models/probe/model-probe';
import { llamaOnlyFailures, malformedVariants } from '../../../../native-models/fixtures/malformed';
import { rejectionOf } from '../../../helpers/errors';
import { copyOfModel } from '../../../helpers/models';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

function failure(name: string): string {
  const variant = llamaOnlyFailures().find((v) => v.name === name)!;
  const path = join(tempDir(), `${name}.gguf`);
  writeFileSync(path, variant.bytes);
  return path;
}

describe('first opening of a new model, in a child process', () => {
  it('passes Hearth’s own checks on the files only llama.cpp fails, so the child is what catches them', async () => {
    const known = [...(await knownArchitectures())];
    for (const { name } of llamaOnlyFailures()) {
      expect(() =>
        validateGgufParts({ parts: [failure(name)], knownArchitectures: known, checkTensors: true }),
      ).not.toThrow();
    }
  });

  it('refuses at import a model on which llama.cpp aborts, and the app process lives on to import a good one', async () => {
    const dataDir = tempDir();
    services = startServices(dataDir).services;
    const error = await rejectionOf(services.models.import(failure('bert-tokenizer'), 'copy'));
    expect(error.code).toBe('INVALID_GGUF');
    expect((error.details as { problem: string }).problem).toBe('llama-aborted');
    expect(error.message).toMatch(/llama\.cpp could not read its vocabulary \(it stopped: signal SIGABRT\)/);
    expect(await services.models.list()).toEqual([]);
    expect(readdirSync(join(dataDir, 'models'))).toEqual([]);

    const good = await services.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    expect(good.metadata.name).toBe('tiny-chat');
  });

  it('refuses a finished download the same way, and says what llama.cpp said when it refuses', async () => {
    services = startServices(tempDir()).services;
    const aborted = await rejectionOf(services.models.addDownloaded(failure('bert-tokenizer')));
    expect((aborted.details as { problem: string }).problem).toBe('llama-aborted');
    const refused = await rejectionOf(services.models.addDownloaded(failure('bpe-without-merges')));
    expect(refused.code).toBe('INVALID_GGUF');
    expect((refused.details as { problem: string }).problem).toBe('llama-refused');
    expect(refused.message).toMatch(/cannot find tokenizer merges/);
    expect(await services.models.list()).toEqual([]);
  });

  it('would have lost the process to a vocabulary with two equal tokens, which the validator now refuses first', async () => {
    const duplicate = malformedVariants().find((v) => v.kind === 'duplicate-token' && v.name === 'two-equal')!;
    const path = join(tempDir(), 'duplicate.gguf');
    writeFileSync(path, duplicate.bytes);
    const error = await rejectionOf(checkVocabularyLoads(path));
    expect((error.details as { problem: string }).problem).toBe('llama-aborted');
  });

  it('serves many models from one process and starts a new one after a death', async () => {
    const probe = new ModelProbe();
    try {
      const good = copyOfModel('tiny-chat', tempDir());
      expect((await probe.run(good, 'vocabulary')).kind).toBe('ok');
      expect(await probe.run(failure('bert-tokenizer'), 'vocabulary')).toEqual({ kind: 'died', why: 'signal SIGABRT' });
      expect(await probe.run(good, 'generate')).toMatchObject({ kind: 'ok' });
    } finally {
      probe.close();
    }
  });
});
