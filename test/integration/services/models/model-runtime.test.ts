import { LlamaChatSession } from 'node-llama-cpp';
import { afterEach, describe, expect, it } from 'vitest';
import { toErrorData } from '../../../../electron/ipc/errors';
import type { Services } from '../../../../electron/services';
import type { MemoryState } from '../../../../electron/services/models/fit';
import { copyOfModel } from '../../../helpers/models';
import { rejectionOf } from '../../../helpers/errors';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

function start(memory?: MemoryState, maxThreads = 1) {
  services = startServices(tempDir(), {
    llama: { maxThreads },
    ...(memory ? { memory: async () => memory } : {}),
  }).services;
  return services;
}

/** Three chat models installed, with two allowed loaded at once. */
async function threeChatModels(s: Services) {
  s.settings.set({ modelsPerRole: 2 });
  return Promise.all(
    (['tiny-chat', 'tiny-chat-q4', 'tiny-chat-f32'] as const).map((shape) =>
      s.models.import(copyOfModel(shape, tempDir()), 'copy'),
    ),
  );
}

describe('loading models', () => {
  it('loads the tiny chat model and really generates text with one thread', async () => {
    const s = start();
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const phases: string[] = [];
    const state = await s.models.load(info.id, { onProgress: ({ phase }) => phases.push(phase) });
    expect(state).toEqual({ chat: info.id, embedding: null, reranker: null, all: [info.id] });
    expect(phases[0]).toBe('checking');
    expect(phases).toContain('loading');

    await s.models.withModel(info.id, 'chat', async ({ model }) => {
      const context = await model.createContext({ contextSize: 1024, threads: 1 });
      const session = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: '' });
      expect(session.chatWrapper.wrapperName).toBe('ChatML');
      const tokens: number[] = [];
      await session.prompt('Hello', { maxTokens: 8, temperature: 0, onToken: (chunk) => tokens.push(...chunk) });
      expect(tokens.length).toBeGreaterThan(0);
      await context.dispose();
    });
  });

  it('loads the tiny embedding model into its own slot and really embeds', async () => {
    const s = start();
    const chat = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const embedder = await s.models.import(copyOfModel('tiny-embedding', tempDir()), 'copy');
    await s.models.load(chat.id);
    expect(await s.models.load(embedder.id)).toEqual({
      chat: chat.id,
      embedding: embedder.id,
      reranker: null,
      all: [chat.id, embedder.id],
    });

    const context = await s.models.withModel(embedder.id, 'embedding', ({ model }) =>
      model.createEmbeddingContext({ contextSize: 128, threads: 1 }),
    );
    const [a, b, c] = await Promise.all(
      ['private notes', 'private notes', 'a different sentence entirely'].map((text) => context.getEmbeddingFor(text)),
    );
    expect(a!.vector).toHaveLength(64);
    expect(a!.vector.every(Number.isFinite)).toBe(true);
    expect(a!.calculateCosineSimilarity(b!)).toBeCloseTo(1, 5);
    expect(a!.calculateCosineSimilarity(c!)).toBeLessThan(0.999);
    await context.dispose();
  });

  it('switches chat models explicitly: loading another unloads the first', async () => {
    const s = start();
    const first = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const second = await s.models.import(copyOfModel('tiny-chat-q4', tempDir()), 'copy');
    await s.models.load(first.id);
    await s.models.load(second.id);
    expect(s.models.state().chat).toBe(second.id);
    expect((await s.models.get(first.id)).loaded).toBe(false);
    expect(await s.models.unload({ role: 'chat' })).toEqual({ chat: null, embedding: null, reranker: null, all: [] });
  });

  it('keeps as many models per role as the setting allows, unloading the least recently used', async () => {
    const s = start();
    const [a, b, c] = await threeChatModels(s);
    await s.models.load(a!.id);
    await s.models.load(b!.id);
    expect(s.models.state()).toMatchObject({ chat: b!.id, all: [b!.id, a!.id] });
    await s.models.load(a!.id); // already loaded: becomes the active one, nothing is reloaded
    expect(s.models.state()).toMatchObject({ chat: a!.id, all: [a!.id, b!.id] });
    await s.models.load(c!.id); // past the limit: b, the least recently used, goes
    expect(s.models.state()).toMatchObject({ chat: c!.id, all: [c!.id, a!.id] });
    expect(await s.models.unload({ id: a!.id })).toMatchObject({ chat: c!.id, all: [c!.id] });
  });

  it('unloads the model used least recently, not the one loaded least recently', async () => {
    const s = start();
    const [a, b, c] = await threeChatModels(s);
    await s.models.load(a!.id);
    await s.models.load(b!.id);
    // a, loaded first, is then used (as a chat or the local API would): b is now the least recent.
    await s.models.withModel(a!.id, 'chat', async () => undefined);
    await s.models.load(c!.id);
    expect(s.models.state().all.sort()).toEqual([a!.id, c!.id].sort());
    expect(s.models.state().chat).toBe(c!.id);
  });

  it('leases a model for its work: loaded if needed, and never evicted at work while an idle one can go', async () => {
    const s = start();
    const [a, b, c] = await threeChatModels(s);
    await s.models.load(b!.id);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let retired = false;
    // a is not loaded: the lease loads it, then holds it while the work waits at the gate.
    const leased = s.models.withModel(a!.id, 'chat', async ({ record, retiring }) => {
      await gate;
      retired = retiring.aborted;
      return record.id;
    });
    await expect.poll(() => s.models.state().all.includes(a!.id)).toBe(true);
    // Two more loads past the limit of 2: each must take the idle model, never the one at work,
    // though by ticks a (leased before c was loaded) is the least recently used by the second.
    try {
      await s.models.load(c!.id);
      // Not awaited: were a chosen, its unloading would wait for the work at the gate.
      const reloaded = s.models.load(b!.id);
      await expect.poll(() => s.models.state().all.includes(b!.id), { timeout: 20_000 }).toBe(true);
      expect(s.models.state().all).toContain(a!.id);
      release();
      await reloaded;
    } finally {
      release();
    }
    expect(await leased).toBe(a!.id);
    expect(retired).toBe(false);
    // Done with its work, a is an ordinary candidate again.
    await s.models.load(c!.id);
    expect(s.models.state().all.sort()).toEqual([b!.id, c!.id].sort());
  });

  it('refuses a lease of a model of another role, naming both', async () => {
    const s = start();
    const chat = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const error = await rejectionOf(s.models.withModel(chat.id, 'embedding', async () => undefined));
    expect(error.message).toMatch(/is a chat model, not an embedding model/);
    expect(s.models.state().all).toEqual([]);
  });

  it('keeps a failure to estimate the fit its own code: it says nothing about the file', async () => {
    services = startServices(tempDir(), {
      llama: { maxThreads: 1 },
      memory: async () => {
        throw Object.assign(new Error('EACCES: permission denied, open /proc/meminfo'), { code: 'EACCES' });
      },
    }).services;
    const info = await services.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    expect(info.fit).toBeNull(); // the Models screen says why beside the model, in the user's words
    expect(info.fitError).toBe('Hearth is not allowed to read or write there.');
    const error = toErrorData(await rejectionOf(services.models.load(info.id)));
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).not.toContain('/proc');
    expect(services.models.state().all).toEqual([]);
  });

  it('refuses a model that cannot fit with MODEL_TOO_LARGE and what would make it fit', async () => {
    // A pretend machine with 4 MB of RAM.
    const s = start({ ramTotal: 4 * 1024 ** 2, ramFree: 3 * 1024 ** 2, vramTotal: 0, vramFree: 0 });
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    expect(info.fit?.level).toBe('too-large');

    const error = await rejectionOf(s.models.load(info.id));
    expect(error.code).toBe('MODEL_TOO_LARGE');
    expect(error.message).toMatch(/needs about .* of RAM/);
    const kinds = (error.details as { suggestions: Array<{ kind: string }> }).suggestions.map((x) => x.kind);
    expect(kinds).toContain('quantization');
    expect(s.models.state().chat).toBeNull();
  });

  it('suggests a smaller context when that is enough, and loading then works', async () => {
    const s = start({ ramTotal: 64 * 1024 ** 2, ramFree: 48 * 1024 ** 2, vramTotal: 0, vramFree: 0 });
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const big = await s.models.setSettings(info.id, { contextSize: 65536 });
    expect(big.fit?.level).toBe('too-large');
    const context = big.fit!.suggestions.find((x) => x.kind === 'context');
    expect(context?.contextSize).toBeLessThan(65536);

    const smaller = await s.models.setSettings(info.id, { contextSize: context!.contextSize! });
    expect(smaller.fit?.level).not.toBe('too-large');
    expect((await s.models.load(info.id)).chat).toBe(info.id);
  });

  it('cancels a load before it starts and keeps nothing loaded', async () => {
    const s = start();
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(s.models.load(info.id, { signal: controller.signal }));
    expect(toErrorData(error).code).toBe('CANCELLED');
    expect(s.models.state().chat).toBeNull();
  });

  it('cancels a load that llama.cpp is running, keeps nothing, and loads again after', async () => {
    const s = start();
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const controller = new AbortController();
    const error = await rejectionOf(
      s.models.load(info.id, {
        signal: controller.signal,
        // 'loading' at 0 is reported right as llama.cpp's load is called; abort once it runs.
        onProgress: ({ phase, progress }) =>
          phase === 'loading' && progress === 0 && setImmediate(() => controller.abort()),
      }),
    );
    expect(toErrorData(error).code).toBe('CANCELLED');
    expect(s.models.state().all).toEqual([]);
    expect((await s.models.load(info.id)).chat).toBe(info.id);
  });

  it('re-validates the file at load time: a file corrupted after import is refused', async () => {
    const s = start();
    const source = copyOfModel('tiny-chat', tempDir());
    const info = await s.models.import(source, 'reference');
    const { truncateSync } = await import('node:fs');
    truncateSync(source, 4096);
    const error = await rejectionOf(s.models.load(info.id));
    expect(error.code).toBe('INVALID_GGUF');
    expect(s.models.state().chat).toBeNull();
  });
});

describe('benchmark', () => {
  it('goes through the runtime: a model that cannot fit is refused, not loaded anyway', async () => {
    const s = start({ ramTotal: 4 * 1024 ** 2, ramFree: 3 * 1024 ** 2, vramTotal: 0, vramFree: 0 });
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const error = await rejectionOf(s.models.benchmark({ id: info.id, promptTokens: 16, generateTokens: 4 }));
    expect(error.code).toBe('MODEL_TOO_LARGE');
    expect(s.models.state().all).toEqual([]);
  });

  it('keeps the per-role limit: the benchmarked model replaces the loaded one, and leaves after', async () => {
    const s = start();
    const loaded = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const measured = await s.models.import(copyOfModel('tiny-chat-q4', tempDir()), 'copy');
    await s.models.load(loaded.id);
    const during: string[][] = [];
    await s.models.benchmark(
      { id: measured.id, maxThreads: 1, promptTokens: 16, generateTokens: 4 },
      { onProgress: () => during.push(s.models.state().all) },
    );
    expect(during.length).toBeGreaterThan(0);
    for (const all of during) expect(all).toEqual([measured.id]);
    expect(s.models.state().all).toEqual([]);
  });

  it('uses a loaded model in place and leaves it loaded', async () => {
    const s = start();
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    await s.models.load(info.id);
    await s.models.benchmark({ id: info.id, maxThreads: 1, promptTokens: 16, generateTokens: 4 });
    expect(s.models.state()).toMatchObject({ chat: info.id, all: [info.id] });
  });

  it('stops, and frees the model only after, when the model is unloaded mid-run', async () => {
    const s = start();
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    await s.models.load(info.id);
    let unloading: Promise<unknown> | undefined;
    const error = await rejectionOf(
      s.models.benchmark(
        { id: info.id, maxThreads: 1, promptTokens: 32, generateTokens: 1000 },
        { onProgress: ({ step }) => step === 'generate' && (unloading ??= s.models.unload({ id: info.id })) },
      ),
    );
    await unloading;
    expect(toErrorData(error)).toMatchObject({ code: 'CANCELLED', message: 'tiny-chat was unloaded.' });
    expect(s.models.state().all).toEqual([]);
    expect((await s.models.get(info.id)).benchmark).toBeNull();
    expect((await s.models.load(info.id)).chat).toBe(info.id);
  });

  it('measures prompt and generation speed for each thread count and stores it', async () => {
    const s = start(undefined, 2);
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const progress: string[] = [];
    const result = await s.models.benchmark(
      { id: info.id, maxThreads: 2, promptTokens: 32, generateTokens: 8 },
      { onProgress: ({ threads, step }) => progress.push(`${threads}:${step}`) },
    );
    expect(result.runs.map((run) => run.threads)).toEqual([1, 2]);
    for (const run of result.runs) {
      expect(run.promptTokens).toBe(32);
      expect(run.generatedTokens).toBe(8);
      expect(run.promptTokensPerSecond).toBeGreaterThan(0);
      expect(run.generationTokensPerSecond).toBeGreaterThan(0);
      expect(run.timeToFirstTokenMs).toBeGreaterThan(0);
      expect(run.peakMemoryBytes).toBeGreaterThan(0);
    }
    expect([1, 2]).toContain(result.recommendedThreads);
    // A power of two between 512 and the trained 2048 tokens.
    expect([512, 1024, 2048]).toContain(result.recommendedContextSize);
    expect(progress).toContain('1:prompt');
    expect(progress).toContain('2:generate');
    expect((await s.models.get(info.id)).benchmark).toEqual(result);
  });

  it('stops when cancelled', async () => {
    const s = start();
    const info = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
    const controller = new AbortController();
    const pending = s.models.benchmark(
      { id: info.id, maxThreads: 2, promptTokens: 32, generateTokens: 1000 },
      { signal: controller.signal, onProgress: ({ step }) => step === 'generate' && controller.abort() },
    );
    expect(toErrorData(await rejectionOf(pending)).code).toBe('CANCELLED');
    expect((await s.models.get(info.id)).benchmark).toBeNull();
  });
});
