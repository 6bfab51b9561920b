import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { malformedVariants } from '../../../../native-models/fixtures/malformed';
import { baseRaw, encodeRaw } from '../../../../native-models/fixtures/malformed/raw-gguf';
import { copyOfModel, copyOfSplitModel } from '../../../helpers/models';
import { rejectionOf } from '../../../helpers/errors';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

function start(dataDir = tempDir()) {
  const started = startServices(dataDir);
  services = started.services;
  return started;
}

const codeOf = async (promise: Promise<unknown>, given: string[] = []) => (await rejectionOf(promise, given)).code;

describe('model library', () => {
  it('imports a copy and lists it with the metadata users need', async () => {
    const dataDir = tempDir();
    const { services: s, events } = start(dataDir);
    const source = copyOfModel('tiny-chat', tempDir());

    const info = await s.models.import(source, 'copy');

    expect(info.path).toBe(join(dataDir, 'models', 'tiny-chat.gguf'));
    expect(existsSync(info.path)).toBe(true);
    expect(info.storage).toBe('copy');
    expect(info.metadata).toMatchObject({
      name: 'tiny-chat',
      architecture: 'llama',
      quantization: 'Q8_0',
      contextLength: 2048,
      hasChatTemplate: true,
      role: 'chat',
      license: 'MIT',
      layers: 2,
      parts: ['tiny-chat.gguf'],
    });
    // 512×64 embeddings + 512×64 output + 2 layers × (4 attention + 3 FFN matrices + 2 norms) + final norm.
    const perLayer = 64 * 64 * 2 + 64 * 32 * 2 + 64 * 128 * 3 + 64 * 2;
    expect(info.metadata.parameterCount).toBe(512 * 64 * 2 + 2 * perLayer + 64);
    expect(info.fit?.level).toBe('fits');
    expect(info.loaded).toBe(false);
    expect((await s.models.list()).map((m) => m.id)).toEqual([info.id]);
    expect(events.some((e) => e.channel === 'models.changed')).toBe(true);
  });

  it('tells an embedding model from a chat model', async () => {
    const { services: s } = start();
    const info = await s.models.import(copyOfModel('tiny-embedding', tempDir()), 'reference');
    expect(info.metadata).toMatchObject({ role: 'embedding', hasChatTemplate: false, quantization: 'F16' });
  });

  it('returns the existing entry when the same file is imported twice', async () => {
    const { services: s } = start();
    const source = copyOfModel('tiny-chat', tempDir());
    const first = await s.models.import(source, 'reference');
    const second = await s.models.import(source, 'reference');
    expect(second.id).toBe(first.id);
    expect(await s.models.list()).toHaveLength(1);
  });

  it('never deletes a referenced file, and deletes its own copy', async () => {
    const { services: s } = start();
    const source = copyOfModel('tiny-chat', tempDir());
    const referenced = await s.models.import(source, 'reference');
    await s.models.remove(referenced.id);
    expect(existsSync(source)).toBe(true);

    const copied = await s.models.import(source, 'copy');
    await s.models.remove(copied.id);
    expect(existsSync(copied.path)).toBe(false);
    expect(existsSync(source)).toBe(true);
    expect(await s.models.list()).toEqual([]);
  });

  it('imports a split model from its first part, copying every part', async () => {
    const { services: s } = start();
    const parts = copyOfSplitModel('tiny-chat', tempDir());
    const info = await s.models.import(parts[0]!, 'copy');
    expect(info.metadata.parts).toEqual(['tiny-chat-split-00001-of-00002.gguf', 'tiny-chat-split-00002-of-00002.gguf']);
    expect(existsSync(info.path.replace('00001-of', '00002-of'))).toBe(true);
    expect(info.metadata.layers).toBe(2);
    const loaded = await s.models.load(info.id);
    expect(loaded.chat).toBe(info.id);
  });

  it('refuses a split model with a missing part', async () => {
    const { services: s } = start();
    const parts = copyOfSplitModel('tiny-chat', tempDir());
    writeFileSync(parts[1]!, '');
    expect(await codeOf(s.models.import(parts[0]!, 'copy'))).toBe('INVALID_GGUF');
  });

  it('gives specific errors for files that are not models', async () => {
    const { services: s } = start();
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'broken.gguf'), encodeRaw({ ...baseRaw(), version: 99 }));
    expect(await codeOf(s.models.import(join(dir, 'missing.gguf'), 'copy'), [dir])).toBe('NOT_FOUND');
    expect(await codeOf(s.models.import(dir, 'copy'), [dir])).toBe('UNSUPPORTED_FILE');
    expect(await codeOf(s.models.import(join(dir, 'notes.txt'), 'copy'))).toBe('UNSUPPORTED_FILE');
    expect(await codeOf(s.models.import(join(dir, 'broken.gguf'), 'copy'))).toBe('INVALID_GGUF');
    expect(await s.models.list()).toEqual([]);
  });

  it('keeps per-model settings across a restart, and refuses invalid ones', async () => {
    const dataDir = tempDir();
    const first = start(dataDir).services;
    const info = await first.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const updated = await first.models.setSettings(info.id, {
      contextSize: 1024,
      temperature: 0.2,
      systemPrompt: 'Be brief.',
    });
    expect(updated.settings).toMatchObject({
      contextSize: 1024,
      temperature: 0.2,
      systemPrompt: 'Be brief.',
      topK: 40,
    });
    expect(updated.fit?.contextSize).toBe(1024);
    expect(await codeOf(first.models.setSettings(info.id, { temperature: 9 }))).toBe('VALIDATION');
    await first.dispose();

    const second = start(dataDir).services;
    expect((await second.models.get(info.id)).settings).toMatchObject({ contextSize: 1024, temperature: 0.2 });
  });

  it('reports a referenced file that was deleted outside Hearth instead of failing the list', async () => {
    const { services: s } = start();
    const source = copyOfModel('tiny-chat', tempDir());
    const info = await s.models.import(source, 'reference');
    const { rmSync } = await import('node:fs');
    rmSync(source);
    const [listed] = await s.models.list();
    expect(listed).toMatchObject({ id: info.id, fileMissing: true, fit: null });
    // The path the user gave at import, named back so they can find what moved.
    expect(await codeOf(s.models.load(info.id), [source])).toBe('MODEL_NOT_FOUND');
  });
  it('never overwrites a library file on copy-import: same bytes reuse it, other bytes take a free name', async () => {
    const dataDir = tempDir();
    const { services: s } = start(dataDir);
    const first = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const same = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    expect(same.id).toBe(first.id);

    // A different model that happens to have the same file name.
    const otherDir = tempDir();
    const other = join(otherDir, 'tiny-chat.gguf');
    copyFileSync(copyOfModel('tiny-embedding', tempDir()), other);
    const second = await s.models.import(other, 'copy');
    expect(second.id).not.toBe(first.id);
    expect(second.path).toBe(join(dataDir, 'models', 'tiny-chat-2.gguf'));
    expect(second.metadata.role).toBe('embedding');
    expect((await s.models.get(first.id)).metadata.role).toBe('chat');
  });

  it('de-duplicates by content: the same bytes under another name are the installed model', async () => {
    const dataDir = tempDir();
    const { services: s } = start(dataDir);
    const first = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');

    const renamed = join(tempDir(), 'my-favourite-model.gguf');
    copyFileSync(copyOfModel('tiny-chat', tempDir()), renamed);
    expect((await s.models.import(renamed, 'copy')).id).toBe(first.id);
    expect((await s.models.import(renamed, 'reference')).id).toBe(first.id);
    expect(readdirSync(join(dataDir, 'models'))).toEqual(['tiny-chat.gguf']);

    // Same size, different bytes: a different model, even though only a hash can tell.
    const flipped = join(tempDir(), 'flipped.gguf');
    const bytes = readFileSync(renamed);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(flipped, bytes);
    const other = await s.models.import(flipped, 'reference');
    expect(other.id).not.toBe(first.id);
    expect((await s.models.list()).map((m) => m.id)).toEqual([first.id, other.id]);
  });

  it('sweeps copies a crash interrupted (*.importing) at the next start', async () => {
    const dataDir = tempDir();
    start(dataDir);
    await services!.dispose();
    services = undefined;
    const leftover = join(dataDir, 'models', 'big.gguf.importing');
    writeFileSync(leftover, 'half a copy');
    start(dataDir);
    expect(existsSync(leftover)).toBe(false);
  });

  it('refuses a crafted context length at import, and one bad stored row never breaks the list', async () => {
    const dataDir = tempDir();
    const { services: s } = start(dataDir);
    const crafted = malformedVariants().find((v) => v.name === 'context-length-minus-one')!;
    const path = join(tempDir(), 'crafted.gguf');
    writeFileSync(path, crafted.bytes);
    expect(await codeOf(s.models.import(path, 'copy'))).toBe('INVALID_GGUF');
    expect(await s.models.list()).toEqual([]);

    // A row an older Hearth stored before it checked: skipped, left in place, and the rest still listed.
    const good = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'reference');
    s.store.hearth
      .prepare('INSERT INTO models (id, path, storage, metadata, settings, added_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('bad', path, 'reference', JSON.stringify({ ...good.metadata, contextLength: -1 }), '{}', Date.now());
    expect((await s.models.list()).map((m) => m.id)).toEqual([good.id]);
    expect(s.models.catalog(s.catalog).models.length).toBeGreaterThan(0);
    await services!.dispose();
    services = undefined;
    const restarted = start(dataDir).services;
    expect((await restarted.models.list()).map((m) => m.id)).toEqual([good.id]);
    expect(restarted.store.hearth.prepare("SELECT count(*) AS n FROM models WHERE id = 'bad'").get()).toEqual({ n: 1 });
  });
});

describe('finding an installed model', () => {
  it('by id, name or file name, case aside; says which models an ambiguous name matches, and which role a model has', async () => {
    const { services: s } = start();
    const chat = await s.models.import(fixtureModel('tiny-chat'), 'reference');
    const first = join(tempDir(), 'model.gguf');
    const second = join(tempDir(), 'model.gguf');
    copyFileSync(fixtureModel('tiny-chat-q4'), first);
    copyFileSync(fixtureModel('tiny-chat-f32'), second);
    const [a, b] = [await s.models.import(first, 'reference'), await s.models.import(second, 'reference')];
    expect(s.models.find(chat.id).id).toBe(chat.id);
    expect(s.models.find('TINY-CHAT').id).toBe(chat.id);
    expect(s.models.find('tiny-chat.gguf').id).toBe(chat.id);
    expect(s.models.find('tiny-chat-q4').id).toBe(a.id);
    const ambiguous = await rejectionOf(Promise.resolve().then(() => s.models.find('model.gguf')));
    expect(ambiguous.code).toBe('VALIDATION');
    expect(ambiguous.message).toBe(
      `"model.gguf" names 2 installed models: model.gguf (id ${a.id}), model.gguf (id ${b.id}). Give the id.`,
    );
    const missing = await rejectionOf(Promise.resolve().then(() => s.models.find('nope')));
    expect(missing.code).toBe('MODEL_NOT_FOUND');
    const role = await rejectionOf(Promise.resolve().then(() => s.models.find('tiny-chat', { role: 'embedding' })));
    expect(role.message).toBe('tiny-chat is a chat model, not an embedding model.');
  });
});

describe('fit estimate', () => {
  it('needs less memory with a smaller context and a quantized KV cache', async () => {
    const { services: s } = start();
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'reference');
    const big = (await s.models.setSettings(info.id, { contextSize: 2048, kvCacheType: 'f16', flashAttention: true }))
      .fit!;
    const small = (await s.models.setSettings(info.id, { contextSize: 512 })).fit!;
    const quantized = (await s.models.setSettings(info.id, { contextSize: 2048, kvCacheType: 'q4_0' })).fit!;
    expect(small.ramNeeded).toBeLessThan(big.ramNeeded);
    expect(quantized.ramNeeded).toBeLessThan(big.ramNeeded);
    expect(big.gpuLayers).toBe(0); // no GPU on these machines
  });
});
