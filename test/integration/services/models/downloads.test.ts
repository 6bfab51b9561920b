import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { loadCatalog } from '../../../../electron/services/models/catalog';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { startModelServer, type Behaviour, type ModelServer } from '../../../helpers/model-server';
import { rejectionOf } from '../../../helpers/errors';
import { eventually } from '../../../helpers/eventually';
import { copyOfModel } from '../../../helpers/models';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let server: ModelServer;
let services: Services | undefined;
const model = () => readFileSync(fixtureModel('tiny-chat'));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeEach(async () => {
  server = await startModelServer();
});
afterEach(async () => {
  await services?.dispose();
  services = undefined;
  await server.close();
});

function start(dataDir = tempDir(), extra: Parameters<typeof startServices>[1] = {}) {
  services = startServices(dataDir, {
    downloads: {
      hubBaseUrl: server.origin,
      isAllowedUrl: (url) => url.hostname === '127.0.0.1',
      retryDelayMs: 5,
    },
    ...extra,
  }).services;
  return { services, modelsDir: join(dataDir, 'models') };
}

function serveModel(behaviour: Behaviour = {}, bytes = model()): string {
  return server.serve('/org/tiny/resolve/main/tiny-chat.gguf', bytes, behaviour);
}

/** For `dropWhen`: resolves once the download's partial file holds `offset` bytes. */
function partialReaches(modelsDir: string): (offset: number) => Promise<void> {
  const partial = join(modelsDir, 'tiny-chat.gguf.part');
  return (offset) =>
    eventually(
      () => existsSync(partial) && statSync(partial).size >= offset,
      120_000,
      'the client never got the bytes',
    );
}

/** Only a complete, verified model may ever have the final name. */
function leftovers(modelsDir: string): string[] {
  return existsSync(modelsDir) ? readdirSync(modelsDir) : [];
}

/** Starts a download of `url`, discards it by its request once bytes flow, and checks nothing stays. */
async function expectDiscardedMidway(url: string): Promise<void> {
  const { services: s, modelsDir } = start();
  let discarded: Promise<void> | undefined;
  const error = await rejectionOf(
    s.downloads.download({ url }, { onProgress: () => (discarded ??= s.downloads.discard({ url })) }),
  );
  await discarded;
  expect(error.code).toBe('CANCELLED');
  expect(leftovers(modelsDir)).toEqual([]);
}

describe('model downloads', () => {
  it('downloads, verifies against the published SHA-256, and installs the model', async () => {
    const { services: s, modelsDir } = start();
    const url = serveModel();
    const progress: Array<{ bytes: number; total: number | null }> = [];
    const info = await s.downloads.download({ url }, { onProgress: (p) => progress.push(p) });
    expect(info).toMatchObject({ storage: 'download', path: join(modelsDir, 'tiny-chat.gguf') });
    expect(info.metadata.name).toBe('tiny-chat');
    expect(sha256(readFileSync(info.path))).toBe(sha256(model()));
    expect(progress.at(-1)).toMatchObject({ bytes: model().length, total: model().length });
    expect(leftovers(modelsDir)).toEqual(['tiny-chat.gguf']);
    expect((await s.models.list()).map((m) => m.id)).toEqual([info.id]);
    // Every request it made is in the network log, as many as the server saw, none left open.
    const log = s.network.list();
    expect(log).toHaveLength(server.requests.length);
    expect(log.every((request) => request.purpose === 'model-download' && request.status === 200)).toBe(true);
    expect(new Set(log.map((request) => `${request.host}${request.path}`))).toEqual(
      new Set([`${new URL(server.origin).host}/org/tiny/resolve/main/tiny-chat.gguf`]),
    );
  });

  it('resumes after the connection drops mid-file and completes', async () => {
    const { services: s, modelsDir } = start();
    const url = serveModel({ dropAfterBytes: 70_000, dropTimes: 2, dropWhen: partialReaches(modelsDir) });
    const info = await s.downloads.download({ url });
    expect(sha256(readFileSync(info.path))).toBe(sha256(model()));
    const ranges = server.requests.map((r) => r.range);
    expect(ranges[0]).toBeUndefined();
    expect(ranges.slice(1).every((range) => range?.startsWith('bytes='))).toBe(true);
    expect(ranges).toContain('bytes=70000-');
    expect(leftovers(modelsDir)).toEqual(['tiny-chat.gguf']);
  });

  it('starts over when the server ignores Range after a drop', async () => {
    const { services: s, modelsDir } = start();
    const url = serveModel({ dropAfterBytes: 70_000, ignoreRange: true, dropWhen: partialReaches(modelsDir) });
    const info = await s.downloads.download({ url });
    expect(sha256(readFileSync(info.path))).toBe(sha256(model()));
  });

  it('deletes a file whose hash is wrong and leaves nothing at the final path', async () => {
    const { services: s, modelsDir } = start();
    const url = serveModel({ publishedSha256: 'ab'.repeat(32) });
    const error = await rejectionOf(s.downloads.download({ url }));
    expect(error.code).toBe('HASH_MISMATCH');
    expect(leftovers(modelsDir)).toEqual([]);
    expect(await s.models.list()).toEqual([]);
  });

  it('refuses to install a file it cannot verify (no published hash)', async () => {
    const { services: s, modelsDir } = start();
    const error = await rejectionOf(s.downloads.download({ url: serveModel({ publishedSha256: null }) }));
    expect(error.code).toBe('DOWNLOAD_FAILED');
    expect(error.message).toMatch(/did not publish a SHA-256/);
    expect(leftovers(modelsDir)).toEqual([]);
  });

  it('refuses a verified download that is not a valid GGUF', async () => {
    const { services: s, modelsDir } = start();
    const garbage = Buffer.alloc(100_000, 7);
    const error = await rejectionOf(s.downloads.download({ url: serveModel({}, garbage) }));
    expect(error.code).toBe('INVALID_GGUF');
    expect(leftovers(modelsDir)).toEqual([]);
  });

  it('cancel leaves nothing half-written at the final path', async () => {
    const { services: s, modelsDir } = start();
    const url = serveModel({ chunkDelayMs: 40 });
    const controller = new AbortController();
    const error = await rejectionOf(
      s.downloads.download({ url }, { signal: controller.signal, onProgress: () => controller.abort() }),
    );
    expect(error.message).toMatch(/abort/i);
    expect(existsSync(join(modelsDir, 'tiny-chat.gguf'))).toBe(false);
    await s.downloads.discard({ url });
    expect(leftovers(modelsDir)).toEqual([]);
  });

  it('pauses, survives a restart, and resumes from where it stopped', async () => {
    const dataDir = tempDir();
    const first = start(dataDir).services;
    const url = serveModel({ chunkDelayMs: 40 });
    const controller = new AbortController();
    await rejectionOf(
      first.downloads.download(
        { url },
        { signal: controller.signal, onProgress: (p) => p.bytes >= 65536 && controller.abort() },
      ),
    );
    await first.dispose();
    services = undefined;

    const { services: second } = start(dataDir);
    const [partial] = await second.downloads.partials();
    expect(partial).toMatchObject({ fileName: 'tiny-chat.gguf', url, total: model().length });
    expect(partial!.bytes).toBeGreaterThan(0);

    const info = await second.downloads.download({ url });
    expect(sha256(readFileSync(info.path))).toBe(sha256(model()));
    expect(server.requests.at(-1)?.range).toBe(`bytes=${partial!.bytes}-`);
    expect(await second.downloads.partials()).toEqual([]);
  });

  it('refuses a second download of the same file while the first runs', async () => {
    const { services: s } = start();
    const url = serveModel({ chunkDelayMs: 20 });
    const first = s.downloads.download({ url });
    const second = await rejectionOf(s.downloads.download({ url }));
    expect(second.message).toMatch(/already downloading/);
    expect(sha256(readFileSync((await first).path))).toBe(sha256(model()));
  });

  it.each([
    [404, /HTTP 404/],
    [500, /HTTP 500/],
  ])('gives a clear error for HTTP %d', async (status, message) => {
    const { services: s, modelsDir } = start();
    const url = status === 404 ? `${server.origin}/org/none/resolve/main/missing.gguf` : serveModel({ status });
    const error = await rejectionOf(s.downloads.download({ url }));
    expect(error.code).toBe('DOWNLOAD_FAILED');
    expect(error.message).toMatch(message);
    expect(leftovers(modelsDir)).toEqual([]);
  });

  it('checks disk space before starting', async () => {
    const dataDir = tempDir();
    const { services: s } = start(dataDir, {
      downloads: { isAllowedUrl: () => true, freeSpace: async () => 1000, retryDelayMs: 5 },
    });
    const error = await rejectionOf(s.downloads.download({ url: serveModel() }));
    expect(error.code).toBe('INSUFFICIENT_SPACE');
    expect(error.message).toMatch(/needs .* but only .* is free/);
    expect(leftovers(join(dataDir, 'models'))).toEqual([]);
  });

  it('refuses every download in air-gap mode, before any request', async () => {
    const { services: s } = start();
    s.settings.set({ airGap: true });
    const error = await rejectionOf(s.downloads.download({ url: serveModel() }));
    expect(error.code).toBe('AIR_GAP');
    expect(server.requests).toEqual([]);
    expect(s.network.list()).toEqual([]);
  });

  it('only downloads from Hugging Face by default', async () => {
    services = startServices(tempDir()).services;
    const error = await rejectionOf(services.downloads.download({ url: serveModel() }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Hugging Face/);
    expect(server.requests).toEqual([]);
  });

  it('downloads a catalog model from the hub path of its repository, checked against its pin', async () => {
    const bytes = readFileSync(fixtureModel('tiny-embedding'));
    const real = loadCatalog().find((e) => e.id === 'bge-small-en-v1.5-q8_0')!;
    // The real entry, pinned to the bytes this test serves.
    const entry = { ...real, sizeBytes: bytes.length, sha256: sha256(bytes) };
    const { services: s } = start(tempDir(), { catalog: [entry] });
    server.serve(`/${entry.repo}/resolve/main/${entry.file}`, bytes, { publishedSha256: null });
    const info = await s.downloads.download({ catalogId: entry.id });
    expect(info.path.endsWith(entry.file)).toBe(true);
    expect(info.metadata.role).toBe('embedding');
    expect(s.models.catalog(s.catalog).models.find((e) => e.id === entry.id)?.installed).toBe(true);
  });

  it('refuses a catalog download whose bytes are not the pinned SHA-256, and leaves no file', async () => {
    const { services: s, modelsDir } = start();
    const entry = s.catalog.find((e) => e.id === 'bge-small-en-v1.5-q8_0')!;
    expect(entry.sha256).toBe('ec38e8da142596baa913124ae50550de284b6916bf59577ef2f0cb9660c2f514');
    // A hub (or a cache on the way) serving other bytes, and publishing their hash as if all were well.
    server.serve(`/${entry.repo}/resolve/main/${entry.file}`, readFileSync(fixtureModel('tiny-embedding')));
    const error = await rejectionOf(s.downloads.download({ catalogId: entry.id }));
    expect(error.code).toBe('HASH_MISMATCH');
    expect(existsSync(join(modelsDir, entry.file))).toBe(false);
    expect(leftovers(modelsDir)).toEqual([]);
    expect(await s.models.list()).toEqual([]);
  });

  describe('probed defects', () => {
    it('refuses a redirect to another origin, and never contacts it', async () => {
      const { services: s, modelsDir } = start(tempDir(), {
        downloads: { isAllowedUrl: (url) => url.origin === server.origin, retryDelayMs: 5 },
      });
      const elsewhere = await startModelServer();
      try {
        const target = elsewhere.serve('/evil/tiny-chat.gguf', model());
        const url = serveModel({ redirectTo: target });
        const error = await rejectionOf(s.downloads.download({ url }));
        expect(error.code).toBe('DOWNLOAD_FAILED');
        expect(error.message).toMatch(/redirected to http:\/\/127\.0\.0\.1:\d+, which Hearth does not download from/);
        expect(elsewhere.requests).toEqual([]);
        expect(leftovers(modelsDir).filter((name) => name.endsWith('.gguf'))).toEqual([]);
      } finally {
        await elsewhere.close();
      }
    });

    it('follows an allowed redirect, taking the hash the redirect response published', async () => {
      const { services: s } = start();
      const cdn = server.serve('/cdn/blob', model(), { publishedSha256: null });
      const url = serveModel({ redirectTo: cdn });
      const info = await s.downloads.download({ url });
      expect(sha256(readFileSync(info.path))).toBe(sha256(model()));
      expect(server.requests.map((r) => r.path)).toEqual(['/org/tiny/resolve/main/tiny-chat.gguf', '/cdn/blob']);
    });

    it('air-gap switched on mid-download stops it at once, and installs nothing', async () => {
      const { services: s, modelsDir } = start();
      const url = serveModel({ chunkDelayMs: 40 });
      let switched = false;
      const error = await rejectionOf(
        s.downloads.download(
          { url },
          {
            onProgress: () => {
              if (!switched) s.settings.set({ airGap: true });
              switched = true;
            },
          },
        ),
      );
      expect(error.code).toBe('AIR_GAP');
      expect(existsSync(join(modelsDir, 'tiny-chat.gguf'))).toBe(false);
      expect(await s.models.list()).toEqual([]);
    });

    it('refuses a body of unknown size instead of writing without end', async () => {
      const { services: s, modelsDir } = start(tempDir(), {
        downloads: { isAllowedUrl: () => true, freeSpace: async () => 0, retryDelayMs: 5 },
      });
      const error = await rejectionOf(s.downloads.download({ url: serveModel({ endless: true }) }));
      expect(error.code).toBe('DOWNLOAD_FAILED');
      expect(error.message).toMatch(/did not say how large/);
      expect(leftovers(modelsDir).filter((name) => !name.endsWith('.json'))).toEqual([]);
    });

    it('stops a body that runs past the size the catalog states, and deletes it', async () => {
      const { services: s, modelsDir } = start();
      const entry = s.catalog.find((e) => e.id === 'bge-small-en-v1.5-q8_0')!;
      server.serve(`/${entry.repo}/resolve/main/${entry.file}`, model(), { endless: true });
      const error = await rejectionOf(s.downloads.download({ catalogId: entry.id }));
      expect(error.code).toBe('DOWNLOAD_FAILED');
      expect(error.message).toMatch(/more than the .* it announced/);
      expect(leftovers(modelsDir)).toEqual([]);
    });

    it('checks free space again while writing', async () => {
      let checks = 0;
      const { services: s, modelsDir } = start(tempDir(), {
        downloads: {
          isAllowedUrl: () => true,
          retryDelayMs: 5,
          spaceCheckBytes: 32 * 1024,
          freeSpace: async () => (checks++ === 0 ? 1e12 : 0),
        },
      });
      const error = await rejectionOf(s.downloads.download({ url: serveModel() }));
      expect(error.code).toBe('INSUFFICIENT_SPACE');
      expect(checks).toBeGreaterThan(1);
      expect(existsSync(join(modelsDir, 'tiny-chat.gguf'))).toBe(false);
    });

    it('never overwrites an installed file: same bytes reuse it, other bytes take a free name', async () => {
      const { services: s, modelsDir } = start();
      const first = await s.downloads.download({ url: serveModel() });
      const again = await s.downloads.download({ url: serveModel() });
      expect(again.id).toBe(first.id);

      const other = readFileSync(fixtureModel('tiny-embedding'));
      const second = await s.downloads.download({ url: serveModel({}, other) });
      expect(second.id).not.toBe(first.id);
      expect(second.path).toBe(join(modelsDir, 'tiny-chat-2.gguf'));
      expect(sha256(readFileSync(first.path))).toBe(sha256(model()));
      expect(sha256(readFileSync(second.path))).toBe(sha256(other));
    });

    it('a download with the bytes of an installed model under another name keeps one copy', async () => {
      const { services: s, modelsDir } = start();
      const imported = await s.models.import(copyOfModel('tiny-chat', tempDir()), 'copy');
      const url = server.serve('/org/other/resolve/main/renamed-upload.gguf', model());
      const downloaded = await s.downloads.download({ url });
      expect(downloaded.id).toBe(imported.id);
      expect(leftovers(modelsDir)).toEqual(['tiny-chat.gguf']);
      expect(await s.models.list()).toHaveLength(1);
    });

    it('discarding a running download stops it first and leaves nothing', async () => {
      await expectDiscardedMidway(serveModel({ chunkDelayMs: 40 }));
    });

    it.each([
      ['a hidden-looking name', '/org/tiny/resolve/main/.hidden.gguf'],
      ['an encoded space and brackets', '/org/tiny/resolve/main/tiny%20chat%20(v2).gguf'],
      ['a page link', '/org/tiny/blob/main/tiny-chat.gguf'],
    ])('cancel-and-discard by the request leaves nothing, for %s', async (_name, path) => {
      const served = server.serve(path.replace('/blob/', '/resolve/'), model(), { chunkDelayMs: 40 });
      await expectDiscardedMidway(served.replace('/resolve/', path.includes('/blob/') ? '/blob/' : '/resolve/'));
    });

    it('a paused download is discarded by the URL the paused list gives', async () => {
      const { services: s, modelsDir } = start();
      const url = server.serve('/org/tiny/resolve/main/.odd%20name.gguf', model(), { chunkDelayMs: 40 });
      const controller = new AbortController();
      await rejectionOf(
        s.downloads.download({ url }, { signal: controller.signal, onProgress: () => controller.abort() }),
      );
      const [partial] = await s.downloads.partials();
      expect(partial?.fileName).toBe('odd_name.gguf');
      await s.downloads.discard({ url: partial!.url });
      expect(leftovers(modelsDir)).toEqual([]);
      expect(await s.downloads.partials()).toEqual([]);
    });

    it('discarding a catalog download uses the same file name the download did', async () => {
      const { services: s, modelsDir } = start();
      const entry = s.catalog[0]!;
      const controller = new AbortController();
      server.serve(`/${entry.repo}/resolve/main/${entry.file}`, model(), { chunkDelayMs: 40 });
      await rejectionOf(
        s.downloads.download(
          { catalogId: entry.id },
          { signal: controller.signal, onProgress: () => controller.abort() },
        ),
      );
      expect(leftovers(modelsDir).length).toBeGreaterThan(0);
      await s.downloads.discard({ catalogId: entry.id });
      expect(leftovers(modelsDir)).toEqual([]);
    });
  });
});
