import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../../native-models/fixtures/generate';
import { useTempDir } from '../helpers/temp-dir';
import { screenshot, useApp } from './harness';

const tempDir = useTempDir('hearth-e2e-api-');
const app = useApp();

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('Local API settings', () => {
  it('turns the local API on, shows its key, serves a client with that key, logs it, and turns it off', async () => {
    const session = await app.open(tempDir(), '/settings');
    const { page, bridge } = session;
    const model = await bridge.services.models.import(fixtureModel('tiny-chat'), 'reference');
    const panel = page.locator('[aria-labelledby="local-api-title"]');
    await panel.waitFor();
    expect(await page.getByTestId('api-status').textContent()).toBe('Off.');

    const port = await freePort();
    await page.getByLabel('Local API port').fill(String(port));
    await page.getByLabel('Local API port').blur();
    await expect.poll(() => bridge.services.settings.get().apiServerPort).toBe(port);
    await page.getByText('Run the local API').click();
    await expect
      .poll(() => page.getByTestId('api-status').textContent())
      .toBe(`Listening on http://127.0.0.1:${port}/v1`);

    // The key is masked until asked for; the shown key is the one that works.
    expect(await page.getByTestId('api-key').textContent()).toContain('•');
    await page.getByRole('button', { name: 'Show' }).click();
    const key = (await page.getByTestId('api-key').textContent())!;
    expect(key).toBe(bridge.services.apiKeys.get());
    const response = await fetch(`http://127.0.0.1:${port}/v1/models`, { headers: { Authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: Array<{ id: string }> }).data.map((m) => m.id)).toEqual([model.id]);

    // A new key replaces the old one at once.
    await page.getByRole('button', { name: 'New key' }).click();
    await expect.poll(() => page.getByTestId('api-key').textContent()).not.toBe(key);
    const old = await fetch(`http://127.0.0.1:${port}/v1/models`, { headers: { Authorization: `Bearer ${key}` } });
    expect(old.status).toBe(401);

    await page.getByText('Requests served').click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const log = page.getByTestId('api-log');
    await expect.poll(() => log.locator('tbody tr').count()).toBe(2);
    expect(await log.textContent()).toContain('GET /v1/models');
    await screenshot(page, 'settings-local-api');

    await page.getByText('Run the local API').click();
    await expect.poll(() => page.getByTestId('api-status').textContent()).toBe('Off.');
    await expect(fetch(`http://127.0.0.1:${port}/v1/models`)).rejects.toThrow();
    expect(session.errors).toEqual([]);
  });
});
