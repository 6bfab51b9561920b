import { afterEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-updates-');
const app = useApp();

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('Check for updates', () => {
  it('looks only when asked, says what it found, lists the request, and is refused in air-gap mode', async () => {
    server = await startModelServer();
    server.serve(
      '/releases/latest-linux.yml',
      Buffer.from("version: 9.0.0\nreleaseDate: '2026-11-30T10:00:00.000Z'\n"),
    );
    const session = await app.open(tempDir(), '/settings', {
      services: { updates: { feedUrl: `${server.origin}/releases`, platform: 'linux' } },
    });
    const { page, bridge } = session;
    await page.getByTestId('about').waitFor();
    // Opening Settings checks nothing: Hearth never looks by itself.
    expect(server.requests).toEqual([]);
    await page.getByTestId('network-empty').waitFor();

    await page.getByRole('button', { name: 'Check for updates' }).click();
    await expect
      .poll(() => page.getByTestId('update-status').textContent())
      .toMatch(/^Hearth 9\.0\.0 is available, released .*2026.* \(you have \d+\.\d+\.\d+[^)]*\)\.$/);
    await page.getByRole('button', { name: 'Download, verify and restart' }).waitFor();
    const listed = page.getByTestId('network-request');
    await expect
      .poll(() => listed.first().textContent())
      .toMatch(/Update check.*GET 127\.0\.0\.1:\d+\/releases\/latest-linux\.yml.*200/);
    await screenshot(page, 'settings-update-available');

    // In air-gap mode the check is refused before anything is sent, with the way to the setting.
    bridge.services.settings.set({ airGap: true });
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await page.getByText('Turn it off in Settings to check for updates').waitFor();
    await page.getByRole('button', { name: 'Privacy settings' }).waitFor();
    expect(server.requests).toHaveLength(1);
    expect(await listed.count()).toBe(1);
    expect(session.errors).toEqual([]);
  });
});
