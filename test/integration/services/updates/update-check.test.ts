import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { startModelServer, type ModelServer } from '../../../helpers/model-server';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir('hearth-updates-');

/** A release file as electron-builder publishes it beside each release. */
const releaseFile = (version: string) =>
  Buffer.from(
    [
      `version: ${version}`,
      'files:',
      `  - url: Hearth-${version}.AppImage`,
      '    sha512: 3q2+7w==',
      '    size: 123456789',
      `path: Hearth-${version}.AppImage`,
      'sha512: 3q2+7w==',
      "releaseDate: '2026-11-30T10:00:00.000Z'",
      '',
    ].join('\n'),
  );

let server: ModelServer | undefined;
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  await server?.close();
  services = server = undefined;
});

async function withFeed(serve: (server: ModelServer) => void, appVersion = '0.1.0'): Promise<Services> {
  server = await startModelServer();
  serve(server);
  services = startServices(tempDir(), {
    appVersion,
    updates: { feedUrl: `${server.origin}/releases`, platform: 'linux' },
  }).services;
  return services;
}

describe('Check for updates', () => {
  it('finds a newer release in the feed, and lists the one request it made', async () => {
    const s = await withFeed((hub) => hub.serve('/releases/latest-linux.yml', releaseFile('0.2.0')));
    expect(await s.updates.check()).toEqual({
      status: 'available',
      current: '0.1.0',
      latest: '0.2.0',
      releaseDate: '2026-11-30T10:00:00.000Z',
    });
    expect(server!.requests.map((request) => request.path)).toEqual(['/releases/latest-linux.yml']);
    expect(s.network.list()).toMatchObject([
      { purpose: 'update-check', path: '/releases/latest-linux.yml', status: 200 },
    ]);
  });

  it('says this is the newest when the feed names the same version or an older one', async () => {
    const s = await withFeed((hub) => hub.serve('/releases/latest-linux.yml', releaseFile('0.1.0')), '0.1.0');
    expect(await s.updates.check()).toMatchObject({ status: 'current', latest: '0.1.0' });
  });

  it('makes no request at all in air-gap mode, and says so by key', async () => {
    const s = await withFeed((hub) => hub.serve('/releases/latest-linux.yml', releaseFile('0.2.0')));
    s.settings.set({ airGap: true });
    await expect(s.updates.check()).rejects.toMatchObject({ code: 'AIR_GAP', text: { key: 'updates.airGap' } });
    expect(server!.requests).toEqual([]);
    expect(s.network.list()).toEqual([]);
  });

  it('refuses a missing or unreadable release file with what went wrong', async () => {
    let s = await withFeed((hub) => hub.serve('/releases/latest-linux.yml', releaseFile('0.2.0'), { status: 404 }));
    await expect(s.updates.check()).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED', text: { key: 'updates.http' } });
    await services!.dispose();
    await server!.close();
    for (const body of ['<html>rate limited</html>', 'version: [1, 2]\n', 'version: latest\n', 'x'.repeat(100_000)]) {
      s = await withFeed((hub) => hub.serve('/releases/latest-linux.yml', Buffer.from(body)));
      await expect(s.updates.check()).rejects.toMatchObject({ text: { key: 'updates.unreadable' } });
      await services!.dispose();
      await server!.close();
      services = server = undefined;
    }
  });

  it('refuses an install in air-gap mode or without a feed, before anything is fetched', async () => {
    const s = await withFeed((hub) => hub.serve('/releases/latest-linux.yml', releaseFile('0.2.0')));
    expect(() => s.updates.requireInstallable()).not.toThrow();
    s.settings.set({ airGap: true });
    expect(() => s.updates.requireInstallable()).toThrow(expect.objectContaining({ code: 'AIR_GAP' }));
    expect(server!.requests).toEqual([]);
    const bare = startServices(tempDir()).services;
    try {
      expect(() => bare.updates.requireInstallable()).toThrow(
        expect.objectContaining({ code: 'VALIDATION', text: expect.objectContaining({ key: 'updates.unconfigured' }) }),
      );
    } finally {
      await bare.dispose();
    }
  });

  it('says a build without a release feed has none, without touching the network', async () => {
    services = startServices(tempDir()).services;
    expect(await services.updates.check()).toMatchObject({ status: 'unconfigured', latest: null });
    expect(services.network.list()).toEqual([]);
  });
});
